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
AUDIT_OPTS ?= --ignore 'drafts/*' --ignore 'preview/*'

.DEFAULT_GOAL := help
.PHONY: help site serve publish clean audit bench check test lint format post install install-dev

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

$(VENV)/.dev-installed: requirements-dev.txt requirements.txt pyproject.toml | $(PY)
	$(PIP_INSTALL) -r requirements-dev.txt -e .
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

bench: $(VENV)/.dev-installed ## benchmarks against plain Pelican and html-proofer (writes benchmarks/RESULTS.md)
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
	rm -rf $(OUTPUT) .$(OUTPUT)-staging $(OUTPUT).old $(SERVE_OUTPUT) .$(SERVE_OUTPUT)-staging $(SERVE_OUTPUT).old .cache __pycache__ .pytest_cache
