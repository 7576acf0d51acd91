# Set-up is two commands: `make run` and `make test`. Everything they need is installed here.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
STDRAFT := $(VENV)/bin/stdraft
STAMP := $(VENV)/.installed
PUBLIC_CORPUS ?= $(wildcard ../shared/corpus/public)
export PIP_DISABLE_PIP_VERSION_CHECK := 1
export HF_HUB_OFFLINE := 1
export ANONYMIZED_TELEMETRY := False

.PHONY: install run index serve test bench eval lint clean

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

index: install
	$(STDRAFT) ingest corpus/standards $(PUBLIC_CORPUS)

run: index
	$(STDRAFT) serve

test: install
	$(PY) -m pytest -q -p no:cacheprovider -n 2 --timeout 600

bench: install
	$(PY) benchmarks/run_all.py --out benchmarks/results

eval: install
	$(PY) evals/run_all.py $(EVALS)

lint: install
	$(VENV)/bin/ruff check assistant retrieval tests evals benchmarks
	$(VENV)/bin/mypy

clean:
	rm -rf $(VENV) data .pytest_cache
