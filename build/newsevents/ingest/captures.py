"""Raw capture files and their manifest: bytes checked against their SHA-256, text decoded with clear refusals.

A capture is the text of a news page as received (or, for a saved web page, the article text extracted from it
once, when it was added; the page itself is kept beside it and checked too). Evidence offsets count code points
of the capture read as UTF-8 without newline translation.
"""
from __future__ import annotations

import hashlib
import re

from newsevents.core.errors import Collector
from newsevents.core.project import Project
from newsevents.core.yamlfile import Document, Where, check_structure, coding_schema, read_yaml

CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
MAX_CAPTURE_BYTES = 2_000_000  # one news page's text is rarely a tenth of this
BINARY_KINDS = {
    b"%PDF": "a PDF document", b"\x89PNG": "a PNG image", b"\xff\xd8\xff": "a JPEG image", b"GIF8": "a GIF image",
    b"PK\x03\x04": "a ZIP archive (a Word or OpenDocument file is one)", b"\xd0\xcf\x11\xe0": "a Microsoft Office file",
    b"{\\rtf": "an RTF document", b"\xff\xfe": "text in UTF-16", b"\xfe\xff": "text in UTF-16",
}
SAVE_AS_TEXT = "open the story's page in a browser and save it as text (or as a web page, HTML only), in UTF-8"


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _refusal(data: bytes) -> tuple[str, str] | None:
    """(what is wrong, how to fix it) for bytes that cannot be a capture, before decoding them."""
    if len(data) > MAX_CAPTURE_BYTES:
        return (f"the file is {len(data) / 1e6:.1f} MB; a capture holds one news page, at most "
                f"{MAX_CAPTURE_BYTES / 1e6:.0f} MB", "save only the story's page, as text or as HTML without "
                "its images and scripts")
    kind = next((what for magic, what in BINARY_KINDS.items() if data.startswith(magic)), None)
    if kind is None and b"\x00" in data[:65536]:
        kind = "a binary file"
    if kind:
        return f"this is {kind}, not the text or saved page of a news story", SAVE_AS_TEXT
    return None


def decode_capture(data: bytes, shown_as: str, problems: Collector) -> str | None:
    """Capture bytes as text, exactly as evidence offsets count them; problems collected."""
    refused = _refusal(data)
    if refused:
        problems.add(shown_as, *refused)
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        problems.add(shown_as, f"not valid UTF-8 (byte {error.start})",
                     "re-save the capture as UTF-8 from the original page", line=line)
        return None
    if not text.strip():
        problems.add(shown_as, "the capture is empty", "capture the story's page again, or remove the file")
        return None
    bad = CONTROL.search(text)
    if bad:
        line = text.count("\n", 0, bad.start()) + 1
        problems.add(shown_as, f"control character U+{ord(bad.group()):04X} in the capture",
                     "capture the page again; raw captures are never edited by hand", line=line)
        return None
    return text


def read_manifest(project: Project, problems: Collector) -> Document | None:
    shown = project.rel(project.manifest)
    if not project.manifest.exists():
        problems.add(shown, "the capture manifest is missing", "restore data/raw/manifest.yaml from git")
        return None
    document = read_yaml(project.manifest, shown, problems)
    if document is None or not check_structure(document, coding_schema(project.root, "manifest"), problems):
        return None
    return document


def check_unlisted(project: Project, document: Document, problems: Collector) -> None:
    """Every file in data/raw/ is a listed capture or the saved page one was extracted from."""
    listed = {entry["file"] for entry in document.data["captures"]}
    listed |= {entry["saved_page"]["file"] for entry in document.data["captures"] if "saved_page" in entry}
    for path in sorted(project.raw.iterdir()):
        if path.name != "manifest.yaml" and path.name not in listed and not path.name.startswith("."):
            problems.add(project.rel(path), "capture has no manifest entry",
                         f"add it with `make add CAPTURE={project.rel(path)}` or an entry in {document.path}")


def _checked_bytes(project: Project, name: str, sha256: str, where: Where, problems: Collector) -> bytes | None:
    path = project.raw / name
    shown = project.rel(path)
    if not path.exists():
        problems.add(where.file, f"capture file {shown} is listed but missing",
                     "restore it from git, or remove its manifest entry", line=where.line, record=where.record)
        return None
    data = path.read_bytes()
    digest = sha256_of(data)
    if digest != sha256:
        problems.add(shown, f"the capture's bytes changed (SHA-256 {digest[:12]}…, manifest says {sha256[:12]}…)",
                     "raw captures are never edited: restore the file with `git checkout -- " + shown + "`; a new "
                     "capture gets a new file")
        return None
    return data


def capture_bytes(project: Project, entry: dict, where: Where, problems: Collector) -> bytes | None:
    """The bytes of a listed capture, when they (and those of the saved page it came from) are as recorded."""
    saved = entry.get("saved_page")
    if saved is not None and _checked_bytes(project, saved["file"], saved["sha256"], where, problems) is None:
        return None
    return _checked_bytes(project, entry["file"], entry["sha256"], where, problems)


def read_capture(project: Project, entry: dict, where: Where, problems: Collector) -> str | None:
    """The text of a listed capture whose bytes (and those of the saved page it came from) are as recorded."""
    data = capture_bytes(project, entry, where, problems)
    return None if data is None else decode_capture(data, project.rel(project.raw / entry["file"]), problems)
