#!/usr/bin/env bash
# `make edit`: the site with live reload and the web editor at
# http://127.0.0.1:8000/bien-tap/, saving into docs/ of this working copy.
# Starts decap-server (Decap's local proxy, files only, no git commits) on
# 127.0.0.1 and stops it when the preview stops (Ctrl+C).
# Environment: MKDOCS (command), EDIT_ADDR (host:port of the preview),
# EDITOR_PROXY_PORT (decap-server's port, also written into config.yml),
# EDITOR_PROXY_MODE (decap-server's MODE: fs, the default, or git for the
# editorial workflow on local branches, as scripts/make-guide-screenshots.py uses).
set -euo pipefail
cd "$(dirname "$0")/.."
MKDOCS=${MKDOCS:-.venv/bin/mkdocs}
EDIT_ADDR=${EDIT_ADDR:-127.0.0.1:8000}
export EDITOR_PROXY_PORT=${EDITOR_PROXY_PORT:-8081}
# The editor's config and policy name the local proxy only in this build.
export EDITOR_LOCAL=1
if [ ! -f node_modules/decap-server/dist/index.js ]; then
  echo "decap-server is not installed: run 'npm ci --ignore-scripts' (make edit does)." >&2
  exit 1
fi
PORT=$EDITOR_PROXY_PORT BIND_HOST=127.0.0.1 MODE=${EDITOR_PROXY_MODE:-fs} GIT_REPO_DIRECTORY="$PWD" LOG_LEVEL=warn \
  node node_modules/decap-server/dist/index.js &
proxy=$!
serve=
stop() {
  if [ -n "$serve" ]; then kill "$serve" 2>/dev/null || true; fi
  kill "$proxy" 2>/dev/null || true
  wait 2>/dev/null || true
}
trap stop EXIT
trap 'exit 130' INT TERM
echo "Trình biên tập / editor: http://$EDIT_ADDR/bien-tap/"
$MKDOCS serve --livereload --dev-addr "$EDIT_ADDR" &
serve=$!
wait "$serve"
