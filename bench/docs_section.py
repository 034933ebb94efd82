"""Write a benchmark's figures into its own marked section of docs/performance.md (other sections are kept)."""
from __future__ import annotations

from pathlib import Path

PAGE = Path(__file__).resolve().parents[1] / "docs" / "performance.md"


def write_section(name: str, markdown: str, page: Path = PAGE) -> None:
    """Replace the text between `<!-- NAME:start -->` and `<!-- NAME:end -->`, or append the section."""
    start, end = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
    block = f"{start}\n{markdown.strip()}\n{end}\n"
    text = page.read_text(encoding="utf-8") if page.exists() else "# Performance\n"
    if start in text and end in text:
        before, rest = text.split(start, 1)
        text = before + block + rest.split(end, 1)[1].lstrip("\n")
    else:
        text = text.rstrip("\n") + "\n\n" + block
    page.write_text(text, encoding="utf-8")
