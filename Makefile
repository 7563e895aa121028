# Seven Signs: the everyday commands. `make help` lists them.
VENV    ?= .venv
PYTHON  ?= python3
PY      := $(VENV)/bin/python
# Who can reach the local dashboard: this computer only, unless you say otherwise
# (RECOVERY_ALLOW_NETWORK=1 make run ADDRESS=0.0.0.0 opens it to your local network).
ADDRESS ?= 127.0.0.1
PORT    ?= 8501
# The DuckDB release pinned before this one: a test opens a journal file it wrote.
OTHER_DUCKDB := .duckdb-1.5.6
SUDO    := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: help run test test-dates lint format bench browser postgres clean

help:  ## list the commands
	@grep -E '^[a-z]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

$(VENV)/.app-installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev-installed: $(VENV)/.app-installed requirements-dev.txt
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

$(OTHER_DUCKDB)/.installed: $(VENV)/.app-installed
	$(PY) -m pip install --quiet --no-deps --target $(OTHER_DUCKDB) duckdb==1.5.6
	touch $@

browser:  ## install Debian's Chromium (and a font) for the browser tests, if missing
	@if ! command -v chromium >/dev/null 2>&1 || [ ! -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ]; then \
		$(SUDO) apt-get update -qq && \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core >/dev/null; \
	fi

postgres:  ## install Debian's PostgreSQL server programs for the tests, if missing
	@if ! command -v initdb >/dev/null 2>&1 && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then \
		$(SUDO) apt-get update -qq && \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null; \
	fi

run: $(VENV)/.app-installed  ## install, then run the app on data/recovery.duckdb
	@echo "Seven Signs: open http://localhost:$(PORT) in your browser (Ctrl+C stops it)."
	$(PY) -m streamlit run app.py --server.headless true --server.address $(ADDRESS) --server.port $(PORT)

test: $(VENV)/.dev-installed $(OTHER_DUCKDB)/.installed browser postgres  ## install everything the tests need, then run them all
	$(PY) -m pytest
	@# CI also moves the clock to the dates that break date code (a local run leaves it to you).
	@if [ "$$CI" = "true" ]; then $(MAKE) --no-print-directory test-dates; fi

test-dates: $(VENV)/.dev-installed  ## run the non-browser tests with the clock at awkward dates
	@command -v faketime >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq faketime >/dev/null; }
	PY=$(PY) bash tests/on_other_dates.sh

lint: $(VENV)/.dev-installed  ## check style and common mistakes
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

format: $(VENV)/.dev-installed  ## rewrite files in the house style
	$(PY) -m ruff format .

bench: $(VENV)/.dev-installed  ## print speed and memory figures next to their budgets
	@status=0; for script in bench/bench_*.py; do $(PY) $$script || status=1; done; exit $$status

clean:  ## remove the virtual environment and caches (never your journal)
	rm -rf $(VENV) $(OTHER_DUCKDB) .pytest_cache .ruff_cache .hypothesis tests/artifacts
