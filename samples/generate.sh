#!/usr/bin/env bash
# Regenerates the sample PDFs and Word files in samples/docs from the Markdown sources in samples/source.
# Needs pandoc and weasyprint (Debian 12: apt-get install pandoc weasyprint); the generated files are committed,
# so DocRag itself never needs these tools. Other sample documents (.txt, .md, .html) are written by hand.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
SRC="$HERE/source"
DOCS="$HERE/docs"

for tool in pandoc weasyprint; do
  command -v "$tool" >/dev/null || { echo "generate.sh: $tool is missing (Debian: apt-get install pandoc weasyprint)" >&2; exit 1; }
done

# A fixed date keeps dates and zip timestamps inside the generated files stable between runs.
export SOURCE_DATE_EPOCH=1772323200   # 2026-03-01T00:00:00Z

echo "pandoc $(pandoc --version | head -n1 | cut -d' ' -f2), $(weasyprint --version)"

docx() {  # docx SOURCE OUTPUT: Word headings (Heading1/Heading2), lists, tables and real footnotes
  pandoc --from markdown --to docx --output "$DOCS/$2" "$SRC/$1"
  echo "  $2"
}

pdf() {  # pdf SOURCE OUTPUT: HTML through a minimal template, then WeasyPrint with the print stylesheet
  local html
  html="$(mktemp --suffix .html)"
  pandoc --from markdown --to html5 --template "$SRC/pdf-template.html" --output "$html" "$SRC/$1"
  weasyprint --quiet --stylesheet "$SRC/pdf.css" "$html" "$DOCS/$2"
  rm -f "$html"
  echo "  $2"
}

mkdir -p "$DOCS/en" "$DOCS/es"
pdf  quantization-guide.md        en/quantization-guide.pdf
pdf  cpu-o-gpu.md                 es/cpu-o-gpu.pdf
docx embedding-models.md          en/embedding-models.docx
docx fragmentacion-y-busqueda.md  es/fragmentacion-y-busqueda.docx
