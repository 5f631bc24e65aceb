# Kring — run `make help` to see what each target does.
.DEFAULT_GOAL := help
SHELL := /bin/bash

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_ARGS ?=

.PHONY: help install run test lint format migrate messages seed clean demo-code bench

help: ## Show this list
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(INSTALLED): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
	touch $(INSTALLED)

install: $(INSTALLED) ## Create the virtualenv and install the pinned dependencies

messages: $(INSTALLED) ## Compile the translations (needs GNU gettext; the compiled files are committed)
	@if command -v msgfmt >/dev/null; then \
		for app in community stories workshops concerns live moderation bystanders figures; do \
			if [ -d $$app/locale ]; then (cd $$app && ../$(BIN)/python ../manage.py compilemessages -v0); fi; \
		done; \
	else echo "msgfmt not found: using the committed translations"; fi

migrate: $(INSTALLED) ## Apply database migrations (SQLite in var/ unless DATABASE_URL is set)
	$(MANAGE) migrate --noinput -v0

seed: migrate ## Load the demo content (safe to repeat)
	$(MANAGE) seed_demo

run: seed ## Start Kring with demo content at http://127.0.0.1:8000 (HTTP and websockets)
	@echo "Kring runs at http://$(HOST):$(PORT)/ — stop with Ctrl+C"
	SITE_URL="$${SITE_URL:-http://$(HOST):$(PORT)}" $(BIN)/uvicorn config.asgi:application --host $(HOST) --port $(PORT) --no-access-log --log-config site/deploy/uvicorn-log.json --ws websockets-sansio --ws-max-size 16384 --ws-ping-interval 60 --ws-per-message-deflate false --timeout-worker-healthcheck 30 --lifespan off

demo-code: $(INSTALLED) ## Print the demo staff's current second-factor (TOTP) code
	@$(MANAGE) demo_code

test: $(INSTALLED) ## Run the whole test suite (browser tests need Debian's chromium)
	$(BIN)/pytest $(PYTEST_ARGS)

bench: $(INSTALLED) ## Benchmark a production-like stack here (PostgreSQL, Redis, wrk; about 14 min); see bench/README.md
	@command -v wrk >/dev/null || { echo "make bench needs wrk: apt-get install wrk"; exit 1; }
	$(BIN)/pip install --quiet -e ".[bench]"
	$(BIN)/python -m bench

# The packages mypy checks; the list grows app by app (live/ strict, module by module: its
# declared protocol first). Their cache is their own: mypy replays cached errors of a module
# once named on its command line (`mypy live`), even where it should now read that module
# silently.
TYPED := concerns figures bystanders config commitments eventreports stories moderation \
	workshops community live

lint: $(INSTALLED) ## Check style with ruff and types with mypy (the packages in TYPED)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy --cache-dir .mypy_cache/lint $(TYPED)

format: $(INSTALLED) ## Format the code with ruff
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean: ## Remove the virtualenv and local data (var/)
	rm -rf $(VENV) var
