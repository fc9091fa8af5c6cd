#!/usr/bin/env bash
# DocRag's main job on a fresh machine: setup, Release build, then serve the sample knowledge base: samples/docs is
# indexed and watched as the collection "docs" while the REST API (and web page) answer on http://127.0.0.1:5080.
# Ctrl-C stops it; a re-run only indexes what changed. Extra arguments go to `docrag serve` (for example --docs DIR).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

scripts/setup.sh
dotnet build src/DocRag.Cli -c Release --nologo -v quiet -clp:ErrorsOnly

docrag() { dotnet "$ROOT/src/DocRag.Cli/bin/Release/net10.0/docrag.dll" "$@"; }
docrag --version
echo "run: serving samples/docs on http://127.0.0.1:5080 (try /v1/documents, /v1/index/status, /v1/models; Ctrl-C stops)"
exec dotnet "$ROOT/src/DocRag.Cli/bin/Release/net10.0/docrag.dll" serve --docs samples/docs --urls http://127.0.0.1:5080 "$@"
