#!/usr/bin/env bash
# Backs up a workspace (company, grain states, activity log) to one file, from a running server.
#   TERRITORYGRID_API_KEY=tg_... scripts/backup.sh [workspace=live] [server=http://127.0.0.1:5080] [directory=.]
# The key (an admin key) is read from the environment, not the command line, where other users could see it.
set -euo pipefail
workspace="${1:-live}"
server="${2:-http://127.0.0.1:5080}"
directory="${3:-.}"
: "${TERRITORYGRID_API_KEY:?set TERRITORYGRID_API_KEY to an admin key}"
cd "$directory"
# -OJ: save under the name the server gives (territorygrid-<workspace>-g<generation>-<time>.zip); --fail-with-body: an error is not saved as a backup.
curl --silent --show-error --fail-with-body -OJ -w '%{filename_effective}\n' \
    -H "Authorization: Bearer $TERRITORYGRID_API_KEY" "$server/api/workspaces/$workspace/backup"
