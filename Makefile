# The two commands: `make run` (set up, load the sample pages, serve http://127.0.0.1:8000)
# and `make test` (set up, lint, run the whole suite). Both create .venv and install the pinned
# dependencies on first use; the embedded PostgreSQL starts on demand (DATABASE_URL unset).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
PAGES ?= $(shell if [ -d ../shared/seeds ]; then echo ../shared/seeds; else echo tests/fixtures/pages; fi)
HOST ?= 127.0.0.1:8000

.PHONY: run test setup lint browser-deps

$(STAMP): requirements.txt requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $(STAMP)

setup: $(STAMP)

run: $(STAMP)
	$(PY) manage.py migrate --noinput -v 0
	$(PY) manage.py ingest $(PAGES)
	DEBUG=$${DEBUG:-true} $(PY) manage.py runserver $(HOST)

lint: $(STAMP)
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

# Browser tests drive Debian's chromium (never a downloaded browser); CJK fonts make the
# screenshots in test-artifacts/ readable. Installed once, when apt-get can (we are root here).
browser-deps:
	@command -v chromium >/dev/null 2>&1 && [ -d /usr/share/fonts/opentype/noto ] || \
	  { command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ] && \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null; } || \
	  echo "chromium not installed: browser tests will be skipped"

test: $(STAMP) browser-deps
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -m pytest
