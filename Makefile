# Two commands do all set-up: `make serve` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

PORT ?= 8000

.PHONY: serve build check test nfc new clean edit release

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.site-deps: requirements.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.test-deps: requirements-test.txt requirements.txt | $(VENV)/.site-deps
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
	touch $@

## Build and serve the site at http://127.0.0.1:$(PORT) with live reload (make serve PORT=8001).
serve: $(VENV)/.site-deps
	@$(BIN)/python -m hooks.cli.port $(PORT)
	$(BIN)/mkdocs serve --livereload --dev-addr 127.0.0.1:$(PORT)

## Build the site into site/ (kept as it was if the build fails).
build: $(VENV)/.site-deps
	$(BIN)/mkdocs build --strict

# Node gates (axe-core, vnu-jar, Lighthouse), exact versions from the lock.
# --ignore-scripts: vnu-jar's install script would download a JDK; the
# system `java` runs it. No browser is ever downloaded.
node_modules/.installed: package.json package-lock.json
	PUPPETEER_SKIP_DOWNLOAD=1 npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

## Serve with live reload and the web editor at http://127.0.0.1:8000/bien-tap/ (decap-server started and stopped with it).
edit: $(VENV)/.site-deps node_modules/.installed
	MKDOCS=$(BIN)/mkdocs bash scripts/edit.sh

## The editors' gate: strict build, links, content rules, a summary (no browser, no root).
check: $(VENV)/.site-deps
	$(BIN)/python -m hooks.cli.check

## What CI publishes: the strict build with the editor, precompressed (.gz) for nginx, and nginx's CSP map.
release: $(VENV)/.site-deps node_modules/.installed
	$(BIN)/mkdocs build --strict
	$(BIN)/python scripts/precompress.py site
	$(BIN)/python scripts/nginx_csp.py site > site-csp.conf

## Install the test tools (and Chromium if missing) and run every test
## (or one kind: make test PYTEST_ARGS='-m unit').
test: $(VENV)/.test-deps node_modules/.installed
	bash scripts/ensure-chromium.sh
	$(BIN)/ruff check hooks tests bench scripts
	$(BIN)/mypy
	for f in docs/assets/javascripts/*.js; do node --check "$$f" || exit 1; done
	node --test tests/js/
	$(BIN)/python -m pytest $(PYTEST_ARGS)

## Normalise every Markdown file under docs/ to Unicode NFC.
nfc: $(VENV)/.site-deps
	$(BIN)/python -m hooks.cli.nfc docs

## Create a content file from a template: make new KIND=tin-tuc|hoi-dap|co-quan|van-ban ID=ma-moi
new: $(VENV)/.site-deps
	@$(BIN)/python -m hooks.cli.scaffold "$(KIND)" "$(ID)"

clean:
	rm -rf site site.staging site.previous .cache
