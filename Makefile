# Townsquare: `make site` builds the sample blog, `make test` runs the suite. `make help` lists all.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
PY     := $(BIN)/python
OUTPUT ?= output
DIR    ?= $(OUTPUT)
HOST   ?= 127.0.0.1
PORT   ?= 8000
# `make serve` builds here, so it never replaces a published build in $(OUTPUT)/.
SERVE_OUTPUT ?= .serve
PELICAN_OPTS ?=
# docs/ (the kit's documentation, `make docs`) has its own audit, as a docs site.
AUDIT_OPTS ?= --ignore 'drafts/*' --ignore 'preview/*' --ignore 'docs/*'

.DEFAULT_GOAL := help
.PHONY: help site serve publish clean audit bench check test lint format post install install-dev docs docs-home

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-8s %s\n", $$1, $$2}'

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip

# The kit installs editable (-e), so edits to plugins/ and theme/ apply at once; setuptools'
# generic warning about editable installs is silenced to keep the first `make site` readable.
PIP_INSTALL := PYTHONWARNINGS=ignore $(PY) -m pip install -q

$(VENV)/.installed: requirements.txt pyproject.toml | $(PY)
	$(PIP_INSTALL) -r requirements.txt -e .
	@touch $@

$(VENV)/.dev-installed: requirements-dev.txt requirements-docs.txt requirements.txt pyproject.toml | $(PY)
	$(PIP_INSTALL) -r requirements-dev.txt -e .
	@touch $@ $(VENV)/.installed $(VENV)/.docs-installed

$(VENV)/.docs-installed: requirements-docs.txt requirements.txt pyproject.toml | $(PY)
	$(PIP_INSTALL) -r requirements-docs.txt -r requirements.txt -e .
	@touch $@ $(VENV)/.installed

install: $(VENV)/.installed ## create .venv and install the runtime dependencies

install-dev: $(VENV)/.dev-installed ## install the development dependencies too

site: $(VENV)/.installed ## build the sample blog into output/ (audited) with pelicanconf.py
	$(PY) -m pelican content -s pelicanconf.py -o $(OUTPUT) $(PELICAN_OPTS)
	@echo ""
	@echo "Built the site into $(abspath $(OUTPUT))/ (the interaction audit ran as part of the build)."
	@echo "Preview it with: make serve   ->  http://$(HOST):$(PORT)/"

serve: $(VENV)/.installed ## rebuild on change, serve on http://127.0.0.1:8000 (another port: make serve PORT=8001)
	$(BIN)/townsquare serve -s pelicanconf.py -o $(SERVE_OUTPUT) --bind $(HOST) --port $(PORT)

publish: $(VENV)/.installed ## production build: SITEURL=https://your.domain make publish (audited)
	$(PY) -m pelican content -s publishconf.py -o $(OUTPUT) $(PELICAN_OPTS)
	@echo "Published build in $(abspath $(OUTPUT))/ passed the interaction audit."

audit: $(VENV)/.installed ## audit a built site: make audit [DIR=path] [FORMAT=text|json|junit|github]
	$(BIN)/townsquare audit $(DIR) $(AUDIT_OPTS) $(if $(FORMAT),--format $(FORMAT))

test: $(VENV)/.dev-installed ## install dev dependencies (and chromium, npm tools if it can), run the tests
	@tools/provision
	$(PY) -m pytest $(PYTEST_OPTS)

lint: $(VENV)/.dev-installed ## ruff lint and format check
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(VENV)/.dev-installed ## apply ruff formatting and safe fixes
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# The docs are a folder of the published site (output/docs/): built after the blog (a build
# replaces output/), warnings are errors, then audited by the kit's own audit as a docs site.
# Until the audit knows documentation pages, the rules a docs page cannot meet are skipped:
# no share row, feed or subscribe block on a manual page.
DOCS_DIR ?= $(OUTPUT)/docs
DOCS_AUDIT_OPTS ?= --skip share-links,share-copy,feed-discovery,subscribe
docs: $(VENV)/.docs-installed ## build the documentation into output/docs/ (warnings are errors) and audit it
	$(PY) -m sphinx -W --keep-going -q -b html -d .cache/docs-doctrees docs $(DOCS_DIR)
	$(BIN)/townsquare audit $(DOCS_DIR) $(DOCS_AUDIT_OPTS)
	@echo "Built the documentation into $(abspath $(DOCS_DIR))/ (open index.html)."

# A site with no blog (the kit's template repository) still needs a home page: it opens docs/.
# A blog's own index.html is never replaced.
DOCS_HOME := <!doctype html><html lang="en"><meta charset="utf-8"><title>Townsquare</title><meta http-equiv="refresh" content="0; url=docs/"><a href="docs/">Townsquare documentation</a></html>
docs-home: ## write output/index.html opening docs/ when the site has no home page of its own
	@mkdir -p $(OUTPUT)
	@test -e $(OUTPUT)/index.html || echo '$(DOCS_HOME)' > $(OUTPUT)/index.html

bench: $(VENV)/.dev-installed ## benchmarks against plain Pelican and html-proofer (writes benchmarks/RESULTS.md, CORPUS.md)
	$(PY) -m benchmarks.run $(BENCH_OPTS)

node_modules/.installed: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund
	@touch $@

check: $(VENV)/.dev-installed node_modules/.installed ## external validity checks: Nu HTML Checker and Lighthouse
	$(PY) -m tools.check $(CHECK_OPTS)

# The title reaches the command through the environment, never through the shell's parser.
post: export TS_TITLE := $(value TITLE)
post: $(VENV)/.installed ## start a draft: make post TITLE="My title"
	$(BIN)/townsquare post "$$TS_TITLE"

clean: ## remove the built site and caches (keeps .venv)
	@# Through the build's own guard: only a folder a build wrote is deleted (never content/).
	@if [ -x $(BIN)/townsquare ]; then $(BIN)/townsquare clean $(OUTPUT) && $(BIN)/townsquare clean $(SERVE_OUTPUT); \
	else echo "make clean: kept $(OUTPUT) ($(BIN)/townsquare is not installed: make install)"; fi
	rm -rf .cache __pycache__ .pytest_cache
