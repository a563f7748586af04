#!/usr/bin/env bash
# The browser tests drive Debian's Chromium and the HTML checker runs on
# Java, the deploy test runs nginx; install whichever is missing.
set -euo pipefail
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
# The deploy test runs the real nginx with deploy/nginx/kl14.conf.
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing+=(nginx)
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" -eq 0 ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
else
  echo "Missing: ${missing[*]}. Run 'sudo apt-get install ${missing[*]}' and try again." >&2
  exit 1
fi
