# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEVSTAMP := $(VENV)/.installed-dev

.PHONY: run test test-fast setup demo screenshots samples bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# The install compiles the extraction engine with mypyc (setup.py, its ENGINE modules): an edit of
# one of them reinstalls, so that `make test` tests the compiled engine of the current sources.
ENGINE_SOURCES := $(shell sed -n 's/^ENGINE_FILES = "\(.*\)"$$/\1/p' setup.py)
ENGINE_CHECK := $(BIN)/python -c 'import giaoban.textfigures as t; t.ENGINE_BUILD == "mypyc" or print("WARNING: the extraction engine was not compiled (see `$(BIN)/pip install -v -e .`): it runs as Python, slower")'

$(STAMP): pyproject.toml setup.py $(ENGINE_SOURCES) | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	@$(ENGINE_CHECK)
	touch $@

$(DEVSTAMP): pyproject.toml setup.py $(ENGINE_SOURCES) | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[dev]'
	@$(ENGINE_CHECK)
	touch $@ $(STAMP)

setup: $(STAMP)
	$(BIN)/giaoban migrate --noinput
	$(BIN)/giaoban demo --if-empty

run: setup
	$(BIN)/giaoban serve

# The whole suite, slow and browser tests included (what CI runs on both databases).
test: $(DEVSTAMP)
	$(BIN)/pytest

# Quick feedback while developing: no slow or browser tests.
test-fast: $(DEVSTAMP)
	$(BIN)/pytest -m "not slow and not e2e"

clean:
	rm -rf $(VENV) var

# README screenshots of the main pages with the demo data (needs chromium).
screenshots: $(DEVSTAMP)
	$(BIN)/giaoban migrate --noinput
	$(BIN)/giaoban demo --if-empty
	$(BIN)/giaoban screenshots

# docs/samples: the consolidated reports, their first pages as PNG and the news draft from the
# demo data (needs LibreOffice and poppler for the PDFs and PNGs).
samples: $(DEVSTAMP)
	$(BIN)/giaoban migrate --noinput
	$(BIN)/giaoban demo --if-empty --until 2026-Q3
	$(BIN)/giaoban report_samples
