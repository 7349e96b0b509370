# Quick start: `make demo` and `make test`. Both create .venv when missing.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: venv demo test lint typecheck pytest docs bench fuzz clean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e ".[dev]"
	@touch $(STAMP)

venv: $(STAMP)

# Writes the bundled timeline's feed and page into demo-out/ (git-ignored).
demo: venv
	$(BIN)/timeline demo --out demo-out

lint: venv
	$(BIN)/ruff check src tests examples benchmarks
	$(BIN)/ruff format --check src tests examples benchmarks
	$(BIN)/lint-imports

typecheck: venv
	$(BIN)/mypy --strict src

pytest: venv
	$(BIN)/python -m pytest

# pytest also runs every code block in docs/ and builds the site strictly (tests/test_docs.py);
# `docs` here fails fast, with mkdocs's own message, on a broken link or reference.
test: lint typecheck docs pytest

# The fuzz and round-trip properties (tests marked `fuzz`) with thousands of examples each,
# and the 210,000-event YAML load; `make test` runs the same properties with a few dozen.
fuzz: venv
	HYPOTHESIS_PROFILE=fuzz $(BIN)/python -m pytest -m fuzz -p no:cacheprovider

# The documentation site, built strictly (a broken link or reference fails it) into site/.
docs: venv
	NO_MKDOCS_2_WARNING=1 DISABLE_MKDOCS_2_WARNING=true $(BIN)/mkdocs build --strict --quiet

bench: venv
	@for f in benchmarks/bench_*.py; do echo "== $$f"; $(BIN)/python $$f || exit 1; done

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
