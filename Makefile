# Every target sets up what it needs on a fresh clone: a .venv/ from the pinned requirements.lock, compiled to
# bytecode once at install (imports then skip compiling: pandas alone took seconds without it).
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PORT ?= 8001
UV_VERSION := 0.13.9
RUN := $(BIN)/python -m newsevents

.PHONY: setup data test serve clean bench
.PHONY: prepare-release release diff
.PHONY: docs
.PHONY: db
.PHONY: add draft-eval
.PHONY: bench-load

setup: $(STAMP)

$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)
	$(BIN)/uv pip install --quiet --compile-bytecode --python $(BIN)/python -r requirements.lock
	$(BIN)/uv pip install --quiet --python $(BIN)/python --no-deps -e .
	touch $(STAMP)

## data: build and validate the tables and datapackage.json (nothing is published unless every check passes)
data: $(STAMP)
	$(RUN) data

## test: lint (ruff), the import contract of the pipeline's stages (import-linter), then the whole test suite
## (installs Debian's chromium for the browser tests when missing)
test: $(STAMP)
	@command -v chromium >/dev/null || { apt-get update -qq && apt-get install -y -qq --no-install-recommends chromium >/dev/null; }
	$(BIN)/ruff check build tests bench datasette
	$(BIN)/lint-imports
	$(BIN)/python -m pytest

## db: the SQLite database (<dataset name>.db) built from the validated tables, for Datasette and download
db: data
	$(RUN) db

## serve: set up, build and validate the data, build the database and the docs, serve them all at http://127.0.0.1:$(PORT)/
serve: db docs
	$(RUN) serve --port $(PORT)

## prepare-release: regenerate CITATION.cff, .zenodo.json and CHANGELOG.md's row summary (see RELEASING.md)
prepare-release: data
	$(RUN) prepare-release

## release: dist/<name>-<version>.zip, reproducible and checksummed, recorded in releases/ (see RELEASING.md)
release: $(STAMP) db docs
	$(RUN) release

## diff: rows added, removed and changed since a released version: make diff FROM=1.0.0
diff: data
	$(RUN) diff "$(FROM)"

## docs: the documentation site, generated from the schemas and the published package, built offline into site/
docs: $(STAMP)
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict --quiet

## add: copy a capture (text or a saved web page) into data/raw/, list it in the manifest, draft its stories' coding (see docs/adding-a-story.md)
add: $(STAMP)
	@test -n "$(CAPTURE)" || { echo "usage: make add CAPTURE=path/to/page.txt|page.html [OUTLET='Arab News'] [HEADLINE='…'] [BYLINE='…'] [DATE=YYYY-MM-DD BASIS=inferred|external NOTE='…'] [URL=https://…]" >&2; exit 2; }
	$(RUN) add "$(CAPTURE)" $(if $(OUTLET),--outlet "$(OUTLET)") $(if $(HEADLINE),--headline "$(HEADLINE)") $(if $(BYLINE),--byline "$(BYLINE)") $(if $(DATE),--published-date "$(DATE)") $(if $(BASIS),--basis "$(BASIS)") $(if $(NOTE),--date-note "$(NOTE)") $(if $(URL),--url "$(URL)")

## draft-eval: draft each curated story with its coding hidden, compare; writes docs/draft-evaluation.{md,json}
draft-eval: $(STAMP)
	$(RUN) draft-eval

## bench: the build stage by stage at 3 (real), 100, 1,000 and 10,000 stories against peer tools, then Datasette at 10,000 stories; SIZES=3,100 STORIES=100 for a short run
bench: $(STAMP)
	$(BIN)/python bench/run.py --docs-page $(if $(SIZES),--sizes $(SIZES))
	$(BIN)/python bench/datasette_scale.py --docs-page $(if $(STORIES),--stories $(STORIES))

## bench-load: Datasette as `make serve` runs it, under 16 concurrent clients for 60 s; DURATION=10 CLIENTS=4 to vary
bench-load: db
	$(BIN)/python bench/load.py $(if $(DURATION),--duration $(DURATION)) $(if $(CLIENTS),--clients $(CLIENTS))

clean:
	rm -rf .staging .cache site dist artifacts
