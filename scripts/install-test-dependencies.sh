#!/usr/bin/env bash
# Installs what the tests need on a fresh Debian machine. Each need is checked first; nothing is installed twice.
# Needs root (or sudo) only when something is missing, and says so clearly otherwise.
set -euo pipefail

missing=()
# Browser tests of the dashboard drive Debian's Chromium (never a downloaded browser: there is no internet).
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
# The cluster tests carry SignalR frames between front ends through a Redis server they start on a free port.
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
# PostgreSQL 15 is installed on every machine; the cluster tests start a private server from its binaries.
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null 2>&1 || missing+=(postgresql)

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  apt_get=(apt-get)
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  apt_get=(sudo apt-get)
else
  echo "The tests need these Debian packages, and installing them needs root: ${missing[*]}" >&2
  echo "Run: sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi

echo "Installing test dependencies: ${missing[*]}"
DEBIAN_FRONTEND=noninteractive "${apt_get[@]}" -o DPkg::Lock::Timeout=300 update -qq
DEBIAN_FRONTEND=noninteractive "${apt_get[@]}" -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
