#!/usr/bin/env bash
# Restores a backup file into a workspace that holds no company (a new deployment, embedded or cluster).
#   TERRITORYGRID_API_KEY=tg_... scripts/restore.sh FILE [workspace=live] [server=http://127.0.0.1:5080]
# Prints what was restored; on a refusal prints the server's reason (400: the file; 409: not empty) and exits 1.
set -euo pipefail
file="${1:?usage: scripts/restore.sh FILE [workspace] [server]}"
workspace="${2:-live}"
server="${3:-http://127.0.0.1:5080}"
: "${TERRITORYGRID_API_KEY:?set TERRITORYGRID_API_KEY to an admin key}"
if curl --silent --show-error --fail-with-body -X POST -H "Content-Type: application/zip" --data-binary "@$file" \
    -H "Authorization: Bearer $TERRITORYGRID_API_KEY" "$server/api/workspaces/$workspace/restore"; then
    echo
else
    echo >&2
    exit 1
fi
