#!/usr/bin/env python3
"""Checks samples/questions.jsonl against samples/docs: every answer appears verbatim (case-insensitively) in the
text extracted from its expected document (for PDFs: on its expected page, with pdftotext in both its default and
-layout modes), and the unanswerable questions' key terms appear in no document. Needs python3 and pdftotext."""
import html.parser, json, pathlib, re, subprocess, sys, zipfile

HERE = pathlib.Path(__file__).resolve().parent
DOCS = HERE / "docs"
# Terms that would answer the unanswerable questions; none may occur in any document.
ABSENT = ["LoRA", "fine-tun", "Falcon", "MTEB", "CUDA", "dollar", "USD", "euro", "€", "precio", "cuesta",
          "controlador", "driver", "Mistral 7B context"]


class _Html(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.parts, self._skip = [], 0

    def handle_starttag(self, tag, attrs):
        self._skip += tag in ("script", "style")

    def handle_endtag(self, tag):
        self._skip -= tag in ("script", "style")

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def pdf_pages(path):
    count = int(re.search(r"Pages:\s+(\d+)", subprocess.run(["pdfinfo", str(path)], capture_output=True,
                                                              text=True, check=True).stdout).group(1))
    pages = {}
    for page in range(1, count + 1):
        texts = [subprocess.run(["pdftotext", *mode, "-f", str(page), "-l", str(page), str(path), "-"],
                                capture_output=True, text=True, check=True).stdout for mode in ([], ["-layout"])]
        pages[page] = texts
    return pages


def docx_text(path):
    with zipfile.ZipFile(path) as z:
        xml = z.read("word/document.xml").decode() + z.read("word/footnotes.xml").decode()
    paragraphs = re.findall(r"<w:p[ >].*?</w:p>", xml, re.S)
    return "\n".join("".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", p)) for p in paragraphs)


def texts(path):
    """All extractions of a non-PDF document; an answer must be found in each of them."""
    if path.suffix == ".docx":
        return [docx_text(path)]
    raw = path.read_text(encoding="utf-8")
    if path.suffix == ".html":
        parser = _Html()
        parser.feed(raw)
        return [" ".join(parser.parts)]
    if path.suffix == ".md":
        return [raw, re.sub(r"\*\*|`", "", raw).replace("\\|", "|")]  # the source and its text without markup
    return [raw]


def main():
    docs = sorted(p for p in DOCS.rglob("*") if p.is_file())
    extracted = {}
    for p in docs:
        rel = p.relative_to(DOCS).as_posix()
        extracted[rel] = pdf_pages(p) if p.suffix == ".pdf" else {None: texts(p)}
    failures = 0
    questions = [json.loads(line) for line in (HERE / "questions.jsonl").read_text(encoding="utf-8").splitlines()]
    for q in questions:
        answer, path, page = q["answer"], q["expected_path"], q["expected_page"]
        if path is None:
            continue
        if path not in extracted or page not in extracted[path]:
            print(f"FAIL no document/page {path} p{page}: {q['question']}")
            failures += 1
            continue
        missing = [i for i, t in enumerate(extracted[path][page]) if answer.lower() not in t.lower()]
        elsewhere = [f"{d}" + (f" p{pg}" if pg else "") for d, pages in extracted.items() for pg, ts in pages.items()
                     if (d, pg) != (path, page) and any(answer.lower() in t.lower() for t in ts)]
        status = "FAIL" if missing else "ok  "
        failures += bool(missing)
        print(f"{status} {path}{f' p{page}' if page else ''}: {answer!r}"
              + (f"  (missing in extraction {missing})" if missing else "")
              + (f"  (also in {', '.join(elsewhere)})" if elsewhere else ""))
    everything = "\n".join(t for pages in extracted.values() for ts in pages.values() for t in ts).lower()
    for term in ABSENT:
        found = re.search(r"(?<![a-z])" + re.escape(term.lower()), everything)
        if found:
            print(f"FAIL term {term!r} occurs: ...{everything[max(0, found.start() - 40):found.end() + 40]!r}...")
            failures += 1
    answerable = sum(q["expected_path"] is not None for q in questions)
    print(f"{len(questions)} questions ({answerable} answerable, {len(questions) - answerable} not), "
          f"{len(docs)} documents, {failures} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
