"""The datasheet (Gebru et al., "Datasheets for Datasets", 2021): the questions of its seven sections, answered
from the project's facts where they exist (counts, dates, licences, versions: generated at every build) and
in the maintainers' words where the answer is a judgement (written here)."""
from __future__ import annotations

from newsevents.docsite.markdown import code, esc, plural, table
from newsevents.docsite.published import Published
from newsevents.publish.citation import plain_text, read_citation


def _qa(question: str, answer: str) -> str:
    return f"**{question}**\n\n{answer}"


def motivation(published: Published) -> list[str]:
    meta = published.metadata
    creators = ", ".join(esc(c["title"]) for c in meta["contributors"] if "creator" in c["roles"])
    return ["## Motivation",
            _qa("For what purpose was the dataset created?",
                f"{esc(' '.join(meta['description'].split()))} It exists so that each coded fact about these events "
                "can be traced to the words of the story it comes from, and so that conflicting claims "
                "(casualties, blame, targets) are kept side by side with their claimants rather than resolved."),
            _qa("Who created it?", f"{creators} (the `creator` in `datapackage.json` and `CITATION.cff`)."),
            _qa("Who funded it?", "No funding is recorded for this dataset.")]


def composition(published: Published) -> list[str]:
    frames, articles = published.frames, published.frames["articles"]
    rows = [[f"[{code(name)}](codebook/{name}.md)", f"{len(frames[name]):,}", esc(t.description)]
            for name, t in published.tables.items()]
    events, claims, places = frames["events"], frames["casualty_claims"], frames["places"]
    dated = events.dropna(subset=["date_start"])
    span = f", dated from {dated['date_start'].min()} to {dated['date_end'].max()}" if not dated.empty else ""
    outlets = esc(", ".join(sorted(articles["outlet"].unique())))
    return ["## Composition",
            _qa("What do the instances represent?",
                "Each table's rows are one kind of thing; the [Codebook](codebook/index.md) defines every column:"),
            table(["Table", "Rows", "One row is"], rows, "lrl"),
            _qa("Is it a sample?",
                f"It is coded from {plural(len(articles), 'story', 'stories')} by "
                f"{plural(articles['outlet'].nunique(), 'outlet')} ({outlets}), "
                "chosen by hand; it is not a sample of all reporting on these events, and events no story reports "
                f"are absent. It holds {plural(len(events), 'event')}{span}."),
            _qa("Is any information missing?",
                f"By design, where the stories do not say: {len(events) - len(dated):,} events have no date range, "
                f"{int(claims['count_high'].isna().sum()):,} casualty claims have no upper bound (\"hundreds more\"), "
                f"{int(places['latitude'].isna().sum()):,} places have no point. Empty cells mean *not stated*, "
                "never zero."),
            _qa("Does it identify people, or hold sensitive data?",
                "It names public figures and bodies acting in public roles (ministers, ministries, armed groups), "
                "as the stories name them. Casualty claims concern unnamed victims. No private individual is "
                "identified beyond what the published stories print."),
            _qa("Are there errors, noise or redundancies?",
                "Claims are what their claimants said and may be false; the dataset records who claimed what, "
                "not what happened. Coding is a judgement and may be wrong: every row carries its quote so that "
                "a reader can check it in the [story](stories/index.html).")]


def collection(published: Published) -> list[str]:
    articles = published.frames["articles"]
    bases = articles["published_date_basis"].value_counts().sort_index()
    basis = "; ".join(f"{code(k)}: {v:,}" for k, v in bases.items())
    return ["## Collection process",
            _qa("How was the data acquired?",
                f"Stories were saved as text captures ({articles['capture_file'].nunique():,} files in `data/raw/`, "
                "each recorded with its SHA-256; the build refuses a capture whose bytes changed) and coded by "
                "hand in YAML files, one per story. Each fact is entered with the verbatim passage it rests on; "
                "the build finds the passage in the capture, refuses a quote that is not there or is ambiguous, "
                "and records its offsets."),
            _qa("How were publication dates established?",
                f"From the capture where printed, otherwise inferred from the text or taken from named outside "
                f"reporting (the `published_date_basis` of each story: {basis})."),
            _qa("Was a drafting aid used?",
                "A rule-based drafter (`make add`) proposes coding for a new story; a person reviews and edits "
                "every entry before it is committed, and its accuracy against the curated coding is measured on "
                "the [Draft evaluation](draft-evaluation.md) page."),
            _qa("Over what timeframe?",
                f"The stories were published between {articles['published_date_earliest'].min()} and "
                f"{articles['published_date_latest'].max()}.")]


def preprocessing() -> list[str]:
    return ["## Preprocessing, cleaning and labelling",
            _qa("What was done to the raw text?",
                "Nothing is changed in the captures: stories are located within them (a capture may hold two), "
                "quotes are located by exact match, date phrases (\"last Friday\") are resolved against the "
                "story's publication date into a range with its precision and basis, vague numbers (\"dozens\") "
                "become ranges by one documented rule, and actor names are linked to one actor each. See "
                "[Methodology](methodology.md) and [How the build validates](validation.md)."),
            _qa("Is the raw data kept?", "Yes: the captures are in the repository, byte for byte, with their "
                "checksums; the [story pages](stories/index.html) show each one with its quotes highlighted.")]


def uses() -> list[str]:
    return ["## Uses",
            _qa("What is it suited for?",
                "Close reading and teaching of how these events were reported; comparing claims by claimant; "
                "checking event coding against its sources; a worked example of verifiable event data."),
            _qa("What should it not be used for?",
                "Counting or trend analysis of violence in the region: a handful of hand-picked stories is not a "
                "sample of events. Casualty figures are claims, not counts, and must not be summed or averaged "
                "across claimants. Do not treat an actor's role as established fact where the row records a claim "
                "(`claimed_target`, `blamed`).")]


def distribution(published: Published) -> list[str]:
    licences = "; ".join(f"{esc(lic['scope'])}: [{esc(lic['title'])}]({lic['path']})"
                         for lic in published.metadata["licenses"])
    return ["## Distribution",
            _qa("How is it distributed?",
                "As CSV and typed Parquet files described by `datapackage.json` (Data Package v2), a SQLite "
                "database served with Datasette, these pages, and a reproducible release archive with SHA256SUMS "
                "([Downloads](downloads.md), [Reading the data](reading.md)). Each version's files never change."),
            _qa("Under what licence?", f"{licences}. The stories themselves belong to their publishers: the "
                "tables carry only short quotes, and the story pages show the captured text for verification."),
            _qa("How is it cited?", f"`{esc(plain_text(read_citation(published.project)))}` — see [Cite](cite.md); "
                "each row carries the version it first appeared in and the version it last changed in.")]


def maintenance(published: Published) -> list[str]:
    return ["## Maintenance",
            _qa("Who maintains it, and how are changes made?",
                f"The creators, in the repository. Version {esc(published.metadata['version'])} is current. Versions "
                "follow semantic versioning for data: released identifiers never change meaning or disappear "
                "without a recorded rename or retirement (`releases/renames.yaml`), and `CHANGELOG.md` gives the "
                "row-level changes of every release ([Cite](cite.md#changelog))."),
            _qa("How are errors reported and corrected?",
                "As issues on the repository; corrections come as a new version, with the changed rows' "
                "`changed_in_version` set to it."),
            _qa("Can others extend it?", "Yes: [Adding a story](adding-a-story.md) describes how a story is "
                "captured, drafted, reviewed and validated.")]


def datasheet_page(published: Published) -> str:
    parts = ["# Datasheet",
             "Answers to the questions of *Datasheets for Datasets* (Gebru et al., Communications of the ACM 64(12), "
             "2021). Figures are computed from the published package at every build; the rest is the "
             "maintainers' judgement."]
    parts += motivation(published) + composition(published) + collection(published) + preprocessing()
    parts += uses() + distribution(published) + maintenance(published)
    return "\n\n".join(parts) + "\n"
