# The README names these targets; keep the two in step.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
BASE_STAMP := $(VENV)/.installed-base
TEST_STAMP := $(VENV)/.installed-test
AXE := node_modules/axe-core/axe.min.js

# Local settings, if any (copy .env.example to .env). KEY=value lines only.
-include .env
export

.PHONY: start install test worker beat totp lint format messages check clean

start: $(BASE_STAMP) ## Install, migrate, load the demo and serve on http://127.0.0.1:8000
	$(MANAGE) migrate --noinput
	$(MANAGE) seed_demo
	$(MANAGE) runserver 127.0.0.1:8000

install: $(BASE_STAMP)

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(BASE_STAMP): pyproject.toml requirements.lock | $(VENV)/bin/python
	$(PY) -m pip install --quiet -c requirements.lock -e .
	touch $@

$(TEST_STAMP): $(BASE_STAMP)
	$(PY) -m pip install --quiet -c requirements.lock -e ".[test]"
	touch $@

$(AXE): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

test: $(TEST_STAMP) $(AXE) ## The whole suite: unit, integration, real worker, browser
	PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 $(PY) -m pytest $(PYTEST_ARGS)

worker: $(BASE_STAMP) ## A Celery worker (needs REDIS_URL)
	@test -n "$(REDIS_URL)" || { echo "Set REDIS_URL (e.g. redis://127.0.0.1:6379/0) to run a worker; without it tasks run in-process."; exit 1; }
	$(VENV)/bin/celery -A lms worker --loglevel=INFO --concurrency=2

beat: $(BASE_STAMP) ## The Celery scheduler (needs REDIS_URL)
	@test -n "$(REDIS_URL)" || { echo "Set REDIS_URL to run the scheduler."; exit 1; }
	$(VENV)/bin/celery -A lms beat --loglevel=INFO --schedule=$(VENV)/celerybeat-schedule

totp: $(BASE_STAMP) ## The demo coordinator's current two-factor code
	@$(MANAGE) demo_totp $(EMAIL)

lint: $(TEST_STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(TEST_STAMP)
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

messages: $(BASE_STAMP) ## Refresh the nl/en catalogues after changing strings
	$(MANAGE) makemessages --locale nl --locale en --ignore '.venv/*' --ignore 'node_modules/*' --no-obsolete
	$(PY) scripts/fill_en_catalogue.py locale/en/LC_MESSAGES/django.po
	$(MANAGE) compilemessages --ignore '.venv/*'

check: $(TEST_STAMP)
	DJANGO_SETTINGS_MODULE=lms.settings.test $(MANAGE) check
	DJANGO_SETTINGS_MODULE=lms.settings.test $(MANAGE) makemigrations --check --dry-run

clean:
	rm -rf $(VENV) node_modules db.sqlite3 media staticfiles .test-media
