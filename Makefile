# CSP Hub developer commands. `make help` lists them.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
UV_VERSION := 0.13.9
HOST ?= 127.0.0.1
PORT ?= 8000
# The Makefile is for development and the demo; production sets DEBUG=false and SECRET_KEY.
export DEBUG ?= true

.DEFAULT_GOAL := help

.PHONY: help
help: ## Show this help
	@awk 'BEGIN {FS = ":.*##"} /^[a-zA-Z_-]+:.*##/ {printf "  \033[36m%-16s\033[0m %s\n", $$1, $$2}' $(MAKEFILE_LIST)

$(BIN)/uv:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

.PHONY: install
install: $(BIN)/uv ## Create .venv and install the locked dependencies (with dev tools)
	UV_PROJECT_ENVIRONMENT=$(VENV) $(BIN)/uv sync --locked --inexact --extra dev --quiet

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --silent

build/static/csphub/csphub.css: node_modules/.package-lock.json $(wildcard frontend/*.scss)
	npm run --silent build

# Cytoscape.js draws the network view; copied from npm into our static files (no CDN).
build/static/vendor/cytoscape.min.js: node_modules/.package-lock.json
	mkdir -p $(@D) && cp node_modules/cytoscape/dist/cytoscape.min.js $@

.PHONY: assets
assets: build/static/csphub/csphub.css build/static/vendor/cytoscape.min.js ## Install GOV.UK Frontend, Cytoscape.js and axe-core from npm and build our CSS (served locally)

.PHONY: migrate
migrate: install ## Apply database migrations
	$(BIN)/csphub migrate --noinput

.PHONY: demo
demo: migrate ## Load the deterministic demo data (safe to run again)
	$(BIN)/csphub load-demo

.PHONY: run
run: install assets demo ## Fresh clone to a running demo on http://$(HOST):$(PORT), with the background worker
	@$(BIN)/csphub db_worker --no-startup-delay & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(BIN)/csphub runserver $(HOST):$(PORT)

.PHONY: worker
worker: migrate ## Run only the background worker (urgent alerts, digests, emails)
	$(BIN)/csphub db_worker

.PHONY: browser
browser: ## Install Debian's Chromium for the browser tests, if missing (needs root)
	@command -v chromium >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium)

.PHONY: test
test: install assets browser ## Run the whole test suite (DATABASE_URL chooses SQLite or PostgreSQL)
	$(BIN)/csphub makemigrations --check --dry-run
	$(BIN)/pytest

.PHONY: lint
lint: install ## Ruff (rules, complexity, format), the layer contracts and mypy: what CI checks
	$(BIN)/ruff check src tests benchmarks evaluation
	$(BIN)/ruff format --check src tests benchmarks evaluation
	$(BIN)/lint-imports
	$(BIN)/mypy

.PHONY: format
format: install ## Format the code with ruff
	$(BIN)/ruff format src tests benchmarks evaluation
	$(BIN)/ruff check --fix --select I src tests benchmarks evaluation

.PHONY: lock
lock: $(BIN)/uv ## Re-resolve the dependency lock file after editing pyproject.toml
	$(BIN)/uv lock --python 3.11

.PHONY: bench-submit
bench-submit: install ## Measure API submission throughput on PostgreSQL
	$(BIN)/python benchmarks/submit.py

.PHONY: bench-link
bench-link: install ## Time linking new submissions against 1M stored on PostgreSQL (SUBMISSIONS=, NEW=)
	$(BIN)/python benchmarks/link.py --submissions $(or $(SUBMISSIONS),1000000) --new $(or $(NEW),200)

.PHONY: bench-asb-linkage
bench-asb-linkage: install ## Link 1M police x 1M case ASB incidents: precision, recall, count, time
	$(BIN)/python benchmarks/asb_linkage.py

.PHONY: bench-kpi
bench-kpi: install ## Time the KPI pipeline on 1M synthetic police records against a bare polars scan
	$(BIN)/python benchmarks/kpi.py

.PHONY: bench-redact
bench-redact: install ## Measure redaction accuracy and speed against stock Presidio
	$(BIN)/python benchmarks/redact.py

.PHONY: bench-urgency
bench-urgency: install ## Measure the immediate-risk screen: recall, false alarms, time per text
	$(BIN)/python benchmarks/urgency.py

.PHONY: bench-person-match
bench-person-match: install ## Measure person matching on labelled pairs: precision, recall, time per comparison
	$(BIN)/python benchmarks/person_match.py
.PHONY: bench-search
bench-search: install ## Time full-text search on 1M synthetic submissions: PostgreSQL, then SQLite FTS5
	$(BIN)/python benchmarks/search.py
.PHONY: bench-similar
bench-similar: install ## Similar reports: usearch on 1M synthetic vectors against exact numpy search (latency, recall, memory)
	$(BIN)/python benchmarks/similar.py

.PHONY: clean
clean: ## Remove the venv, node modules and local database
	rm -rf $(VENV) node_modules var
