"""Would the build take a draft in? The draft, marked reviewed, read by the build's own coding reader, merger
and date resolver in a scratch copy of the project."""
from __future__ import annotations

import tempfile
from pathlib import Path

from newsevents.core.errors import Collector
from newsevents.core.project import Project
from newsevents.core.schemas import quote_limit
from newsevents.ingest.articles import Article
from newsevents.ingest.coding_files import read_coding_files
from newsevents.resolve.event_dates import resolve_event_dates
from newsevents.resolve.merge import merge_coding


def draft_problems(project: Project, article: Article, drafted) -> list[str]:
    """What the build says of the draft as written (nothing when it reads it cleanly)."""
    from newsevents.authoring.draft.writer import coding_text

    with tempfile.TemporaryDirectory() as scratch:
        scratch_project = Project(Path(scratch))
        (scratch_project.root / "schemas").symlink_to(project.schemas.resolve())
        scratch_project.stories_coding.mkdir(parents=True)
        scratch_project.reference.symlink_to(project.reference.resolve())
        text = coding_text(drafted, article.headline or "", None).replace("review: draft", "review: reviewed", 1)
        (scratch_project.stories_coding / f"{article.article_id}.yaml").write_text(text, encoding="utf-8")
        problems = Collector()
        merged = merge_coding(read_coding_files(scratch_project, [article], problems),
                              quote_limit(project.root), problems)
        resolve_event_dates(merged.events, problems)
    return [str(problem) for problem in problems.problems]
