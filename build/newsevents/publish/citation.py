"""How the dataset is cited: read from CITATION.cff (else schemas/dataset.yaml), as plain text and BibTeX."""
from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

from newsevents.core.project import Project
from newsevents.core.schemas import dataset_metadata


@dataclass(frozen=True)
class Citation:
    authors: list[dict]
    title: str
    version: str
    released: str
    doi: str | None
    url: str | None
    source: str  # the file it was read from


def read_citation(project: Project) -> Citation:
    """CITATION.cff when the repository has one, else the dataset's own metadata (schemas/dataset.yaml)."""
    path = project.root / "CITATION.cff"
    if path.exists():
        cff = yaml.safe_load(path.read_text(encoding="utf-8"))
        doi = cff.get("doi") or next((i["value"] for i in cff.get("identifiers", []) if i.get("type") == "doi"), None)
        return Citation(authors=cff.get("authors", []), title=cff["title"], version=str(cff.get("version", "")),
                        released=str(cff.get("date-released", "")), doi=doi,
                        url=cff.get("url") or cff.get("repository-code"), source="CITATION.cff")
    meta = dataset_metadata(project.root)
    return Citation(authors=[{"name": c["title"]} for c in meta["contributors"] if "creator" in c.get("roles", [])],
                    title=meta["title"], version=str(meta["version"]), released=str(meta["released"]),
                    doi=None, url=meta.get("homepage"), source="schemas/dataset.yaml")


def record_citation(citation: str, table: str, key: str, added: str, changed: str, url: str) -> str:
    """How to cite one row: the dataset's citation (which names the version used), the row's table and ID, the
    versions in which it appeared and last changed, and its stable URL."""
    history = f"in the dataset since version {added}" + (f", last changed in version {changed}" if changed != added
                                                          else ", unchanged since")
    return f"{citation} Record {table}/{key} ({history}). {url}"


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
