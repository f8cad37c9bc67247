#!/usr/bin/env bash
# Prints a new TerritoryGrid API key (256 random bits) and the hash to configure on the server
# (Security:ApiKeys:N:Hash, or a keys file). Keep the key secret; the server only ever stores the hash.
set -euo pipefail
key="tg_$(head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')"
hash="sha256:$(printf '%s' "$key" | sha256sum | cut -d' ' -f1)"
echo "key:  $key"
echo "hash: $hash"
