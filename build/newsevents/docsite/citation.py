"""The cite page: the citation from CITATION.cff as plain text and BibTeX, the versioning policy, the changelog."""
from __future__ import annotations

import re

from newsevents.docsite.markdown import code, esc
from newsevents.docsite.published import Published
from newsevents.publish.citation import bibtex, plain_text, read_citation


def changelog(published: Published) -> list[str]:
    """CHANGELOG.md as a section of the page: its title dropped, its headings one level deeper."""
    path = published.project.root / "CHANGELOG.md"
    if not path.exists():
        return ["No release has been recorded yet: the repository has no `CHANGELOG.md`."]
    lines, fenced = [], False
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("```"):
            fenced = not fenced
        elif not fenced and re.match(r"^# ", line):
            continue
        elif not fenced and line.startswith("#"):
            line = "#" + line
        lines.append(line)
    return ["From `CHANGELOG.md`:", "\n".join(lines).strip()]


def cite_page(published: Published) -> str:
    c = read_citation(published.project)
    key = f"{published.metadata['name']}-{c.version}"
    origin = ("the repository's `CITATION.cff`" if c.source == "CITATION.cff" else
              "`schemas/dataset.yaml` (the repository has no `CITATION.cff` yet)")
    parts = [
        "# Cite",
        f"Cite the version you used. Version {esc(c.version)}, released {esc(c.released)}; the citation below is "
        f"generated from {origin}.",
        "## Plain text",
        f"```text\n{plain_text(c)}\n```",
        "## BibTeX",
        f"```bibtex\n{bibtex(c, key)}\n```",
        "To point at one record, cite its identifier with the version, for example the table and "
        f"`event_id` of an event: identifiers are stable across versions. {code(published.metadata['name'])} "
        "is the package name in `datapackage.json`. Every row carries `added_in_version` (the version it first "
        "appeared in) and `changed_in_version` (the version it last changed in); each event's and each casualty "
        "claim's page in Datasette gives its full citation with its stable URL, and links its quotes to the "
        "[stories](stories/index.html) they come from.",
        "## Versioning",
        "Versions follow semantic versioning, applied to the data:",
        "- **major** (2.0.0): the meaning of a published column or identifier changed, or one was removed or "
        "renamed;\n"
        "- **minor** (1.1.0): rows or columns were added, for example a newly coded story;\n"
        "- **patch** (1.0.1): corrections to existing rows.",
        "A released version's files never change: corrections come as a new version. Identifiers, once "
        "released, keep their meaning; a renamed or retired identifier is recorded, never dropped silently.",
        "## Changelog",
    ]
    parts += changelog(published)
    return "\n\n".join(parts) + "\n"
