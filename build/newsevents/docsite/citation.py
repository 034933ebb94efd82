"""The cite page: the citation from CITATION.cff as plain text and BibTeX, the versioning policy, the changelog."""
from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

from newsevents.docsite.markdown import code, esc
from newsevents.docsite.published import Published


@dataclass(frozen=True)
class Citation:
    authors: list[dict]
    title: str
    version: str
    released: str
    doi: str | None
    url: str | None
    source: str  # the file it was read from


def read_citation(published: Published) -> Citation:
    """CITATION.cff when the repository has one, else the dataset's own metadata (schemas/dataset.yaml)."""
    path = published.project.root / "CITATION.cff"
    if path.exists():
        cff = yaml.safe_load(path.read_text(encoding="utf-8"))
        doi = cff.get("doi") or next((i["value"] for i in cff.get("identifiers", []) if i.get("type") == "doi"), None)
        return Citation(authors=cff.get("authors", []), title=cff["title"], version=str(cff.get("version", "")),
                        released=str(cff.get("date-released", "")), doi=doi,
                        url=cff.get("url") or cff.get("repository-code"), source="CITATION.cff")
    meta = published.metadata
    return Citation(authors=[{"name": c["title"]} for c in meta["contributors"] if c.get("role") == "author"],
                    title=meta["title"], version=str(meta["version"]), released=str(meta["released"]),
                    doi=None, url=meta.get("homepage"), source="schemas/dataset.yaml")


def _person(author: dict, bibtex: bool) -> str:
    if "name" in author:
        return "{" + author["name"] + "}" if bibtex else author["name"]
    family, given = author.get("family-names", ""), author.get("given-names", "")
    if bibtex:
        return f"{family}, {given}".strip(", ")
    initials = " ".join(part[0] + "." for part in given.split())
    return f"{family}, {initials}".strip(", ")


def plain_text(c: Citation) -> str:
    names = [_person(a, bibtex=False) for a in c.authors]
    who = names[0] if len(names) == 1 else ", ".join(names[:-1]) + (", & " + names[-1] if names else "")
    link = f"https://doi.org/{c.doi}" if c.doi else c.url
    return f"{who} ({c.released[:4]}). {c.title} (Version {c.version}) [Data set]." + (f" {link}" if link else "")


_LATEX = {"\\": r"\textbackslash{}", "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#", "_": r"\_",
          "{": r"\{", "}": r"\}", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}"}


def _latex(text: str) -> str:
    return re.sub(r"[\\&%$#_{}~^]", lambda m: _LATEX[m.group()], text)


def bibtex(c: Citation, key: str) -> str:
    authors = " and ".join(_person(a, bibtex=True) for a in c.authors)
    fields = [("author", authors), ("title", "{" + _latex(c.title) + "}"), ("year", c.released[:4]),
              ("version", c.version), ("note", f"Data set, version {c.version}, released {c.released}")]
    if c.doi:
        fields.append(("doi", c.doi))
    if c.url:
        fields.append(("url", c.url))
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@misc{{{key},\n{body}\n}}"


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
    c = read_citation(published)
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
        "is the package name in `datapackage.json`.",
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
