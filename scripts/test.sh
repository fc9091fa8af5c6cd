#!/usr/bin/env bash
# Runs DocRag's whole test suite on a fresh machine: setup (with test prerequisites), a Release build with warnings as
# errors, every test project; ends with one summary line ("Tests: N passed, N failed, N skipped").
# Extra arguments go to `dotnet test` (for example --filter "FullyQualifiedName~Storage").
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

scripts/setup.sh --test
dotnet build DocRag.sln -c Release --nologo -v quiet -clp:ErrorsOnly

results="$ROOT/artifacts/test-results"
rm -rf "$results"
mkdir -p "$results"

set +e
dotnet test DocRag.sln -c Release --no-build --nologo \
  --logger "trx" --logger "console;verbosity=minimal" --results-directory "$results" \
  --blame-hang-timeout 10m "$@"
rc=$?
set -e

passed=0 failed=0 skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters="$(grep -o '<Counters [^>]*>' "$trx" | head -1)"
  get() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
  passed=$((passed + $(get passed)))
  failed=$((failed + $(get failed) + $(get error) + $(get timeout) + $(get aborted)))
  skipped=$((skipped + $(get total) - $(get executed))) # xunit's skips are not executed, and counted nowhere else
done
if [ "$rc" != 0 ] && [ "$failed" = 0 ]; then
  failed=1 # the run itself failed (build, crash, hang) without a failing test result to count
fi
echo "Tests: $passed passed, $failed failed, $skipped skipped"
exit "$rc"
