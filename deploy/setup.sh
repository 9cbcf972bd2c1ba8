#!/usr/bin/env bash
# Installs what Confer needs and is missing: Debian's janus, janus-tools, ffmpeg, chromium,
# janus-demos and coturn, then the npm dependencies when package-lock.json is newer than
# node_modules. Safe to run again: it does nothing when all is in place.
#   deploy/setup.sh          for the app
#   deploy/setup.sh --tests  for the tests (skips Electron's binary download)
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${1:-}" = "--tests" ]; then
  # The tests never run Electron, and its binary cannot always be downloaded.
  export ELECTRON_SKIP_BINARY_DOWNLOAD=1
fi

missing=()
command -v janus >/dev/null 2>&1 || missing+=(janus)
command -v turnserver >/dev/null 2>&1 || missing+=(coturn)
command -v ip >/dev/null 2>&1 || missing+=(iproute2)
# Recording: janus-pp-rec turns .mjr files into media files, ffmpeg muxes and lays out the grid.
command -v janus-pp-rec >/dev/null 2>&1 || missing+=(janus-tools)
command -v ffmpeg >/dev/null 2>&1 || missing+=(ffmpeg)
if [ "${1:-}" = "--tests" ] && [ ! -x /usr/bin/chromium ]; then missing+=(chromium); fi
# The calls-join benchmark times Janus's own VideoRoom demo too; the libjs-* it loads come as its dependencies.
if [ "${1:-}" = "--tests" ] && [ ! -f /usr/share/janus/demos/videoroomtest.html ]; then missing+=(janus-demos); fi
if [ "${#missing[@]}" -gt 0 ]; then
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "Confer needs ${missing[*]}, and this system has no apt-get: install them with your package manager." >&2
    exit 1
  fi
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  echo "Installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "Installing npm dependencies"
  npm ci --no-audit --no-fund
fi
