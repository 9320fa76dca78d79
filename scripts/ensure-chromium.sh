#!/bin/sh
# The e2e tests drive Debian's Chromium through playwright-core; `npx playwright install`
# would download an unpinned browser from a CDN, so we rely on the distribution package.
set -eu

if command -v chromium >/dev/null 2>&1; then
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "ensure-chromium: chromium is missing and installing it needs root (apt-get install -y chromium)" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get install -y --no-install-recommends chromium fonts-dejavu-core
command -v chromium >/dev/null
