#!/usr/bin/env bash
# Backs up a workspace (company, grain states, activity log) to one file, from a running server.
#   TERRITORYGRID_API_KEY=tg_... scripts/backup.sh [workspace=live] [server=http://127.0.0.1:5080] [directory=.]
# The key (an admin key) is read from the environment, not the command line, where other users could see it.
# Prints the file's path (named by the server: territorygrid-<workspace>-g<generation>-<time>.zip); on a refusal,
# prints the server's reason and keeps no file.
set -euo pipefail
workspace="${1:-live}"
server="${2:-http://127.0.0.1:5080}"
directory="${3:-.}"
: "${TERRITORYGRID_API_KEY:?set TERRITORYGRID_API_KEY to an admin key}"
partial="$(mktemp "$directory/.backup-XXXXXX")"
headers="$(mktemp)"
trap 'rm -f "$partial" "$headers"' EXIT
status="$(curl --silent --show-error -o "$partial" -D "$headers" -w '%{http_code}' \
    -H "Authorization: Bearer $TERRITORYGRID_API_KEY" "$server/api/workspaces/$workspace/backup")"
if [ "$status" != 200 ]; then
    cat "$partial" >&2; echo >&2
    exit 1
fi
name="$(tr -d '\r' < "$headers" | sed -n 's/^[Cc]ontent-[Dd]isposition:.*filename="\{0,1\}\([^";]*\)"\{0,1\}.*/\1/p' | head -n 1)"
mv "$partial" "$directory/${name:-territorygrid-$workspace.zip}"
echo "$directory/${name:-territorygrid-$workspace.zip}"
