"""The documentation site's data-driven pages, generated at every `mkdocs build` from the published package
(data/*.csv, datapackage.json) and schemas/; hand-written pages live in docs/."""
