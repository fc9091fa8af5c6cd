#!/usr/bin/env bash
# DocRag's main job on a fresh machine: setup, Release build, then the furthest end-to-end step that exists.
# Extra arguments go to the docrag command.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

scripts/setup.sh
dotnet build src/DocRag.Cli -c Release --nologo -v quiet -clp:ErrorsOnly

docrag() { dotnet "$ROOT/src/DocRag.Cli/bin/Release/net10.0/docrag.dll" "$@"; }
docrag --version
