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

.PHONY: start install test worker beat totp lint format messages check clean css

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
	@echo "Screenshots of every page type (375 px and 1280 px): $(CURDIR)/build/screenshots"

# The NL Design System components the templates use (templates/components/).
# Their built CSS is copied from node_modules into one committed file, so
# `make start` and production need no npm; run `make css` after changing this
# list or upgrading @utrecht/component-library-css in package.json.
UTRECHT_COMPONENTS := alert breadcrumb-nav button button-link link link-button \
	checkbox radio-button textbox textarea select form-field form-label \
	form-field-description form-field-error-message form-fieldset \
	status-badge table data-list pagination skip-link
UTRECHT_CSS := static/css/vendor/utrecht-components.css

css: $(AXE) ## Refresh the vendored NL Design System CSS from node_modules
	@mkdir -p $(dir $(UTRECHT_CSS))
	@{ echo "/*! NL Design System components (@utrecht/component-library-css $$(node -p "require('./node_modules/@utrecht/component-library-css/package.json').version")),"; \
	  echo " * EUPL-1.2, https://github.com/nl-design-system/utrecht. Built files copied"; \
	  echo " * unchanged by \`make css\`: $(UTRECHT_COMPONENTS) */"; \
	  for c in $(UTRECHT_COMPONENTS); do cat node_modules/@utrecht/$$c-css/dist/index.min.css; echo; done; } > $(UTRECHT_CSS)
	@echo "$(UTRECHT_CSS): $$(wc -c < $(UTRECHT_CSS)) bytes, $$(gzip -9c $(UTRECHT_CSS) | wc -c) gzipped"

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
