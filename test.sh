#!/usr/bin/env bash
# Runs every TerritoryGrid test on this machine: installs what the tests need (when root), builds the solution in
# Release, runs each test project, then the benchmark smoke test. Ends with one line "N passed, N failed[, N skipped]"
# and exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")"

scripts/install-test-dependencies.sh || { echo "0 passed, 1 failed"; exit 1; }
# The dashboard's browser tests drive this Chromium (their fixture names it too, in the test output).
echo "Browser tests run on $(chromium --version 2>/dev/null || echo 'no chromium found')"

results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

if ! dotnet build TerritoryGrid.sln -c Release -warnaserror 2>&1 | tail -3; then
  echo "build failed"; echo "0 passed, 1 failed"; exit 1
fi

passed=0; failed=0; skipped=0; status=0; failed_tests=""
for project in $(grep -l 'Microsoft.NET.Test.Sdk' tests/*/*.csproj); do
  name=$(basename "$project" .csproj)
  echo "== $name"
  dotnet test "$project" -c Release --no-build --logger "trx;LogFileName=$name.trx" --results-directory "$results" 2>&1 \
    | grep -vE '^\s*$' | tail -25
  [ "${PIPESTATUS[0]}" -eq 0 ] || status=1
  trx="$results/$name.trx"
  if [ -f "$trx" ]; then
    counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
    get() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
    passed=$((passed + $(get passed))); failed=$((failed + $(get failed)))
    skipped=$((skipped + $(get notExecuted)))
    failures=$(awk '/<UnitTestResult / && /outcome="Failed"/ { match($0, /testName="[^"]*"/); name = substr($0, RSTART + 10, RLENGTH - 11); want = 1 }
                   want && /<Message>/ { sub(/.*<Message>/, ""); message = ""; reading = 1 }
                   reading { line = $0
                             if (sub(/<\/Message>.*/, "", line)) { print "FAILED " name ": " substr(message line, 1, 4000); reading = 0; want = 0 }
                             else { message = message line "\n" } }' "$trx")
    [ -z "$failures" ] || failed_tests="$failed_tests$failures"$'\n'
  else
    echo "no results for $name"; failed=$((failed + 1)); status=1
  fi
done

if [ -d benchmarks ]; then
  for bench in benchmarks/*/*.csproj; do
    echo "== $(basename "$bench" .csproj) --quick (smoke: the counts must be exact; timings are reported, not judged)"
    if dotnet run -c Release --no-build --project "$bench" -- --quick; then passed=$((passed + 1)); else failed=$((failed + 1)); status=1; fi
  done
fi

[ "$failed" -eq 0 ] || status=1
[ -z "$failed_tests" ] || printf '%s' "$failed_tests"
summary="$passed passed, $failed failed"
[ "$skipped" -eq 0 ] || summary="$summary, $skipped skipped"
echo "$summary"
exit $status
