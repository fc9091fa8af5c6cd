#!/usr/bin/env python3
"""Cross-validates the relevance decision's coverage threshold (DocRag:Answering:MinCoverage).

Input: question logs written by `docrag eval ... --ask extractive --set minCoverage=0 --questions-out FILE` (with the
threshold off, so every question's signals are logged). The script recomputes each question's coverage from the logged
word frequencies and passage bits exactly as RelevanceJudge does (IDF weights shrunk towards 1 by a prior of
PRIOR chunks, the required share scaled by chunks / (chunks + PRIOR)), and the unknown-name signal from the logged
`unknown` words and the question's capitalised words. For each of 5 folds (questions shuffled with a fixed seed) it
picks the largest threshold whose false no-answer on the 4 training folds is at most --max-false in every file, then
reports no-answer recall and false no-answer on the held-out fold: mean and range over the folds.

    python3 tools/calibration/no_answer_cv.py --max-false 0.04 xquad-holdout.jsonl xquad-full.jsonl samples.jsonl
"""
import argparse
import json
import math
import random
import re
import unicodedata

PRIOR = 20  # RelevanceJudge.PriorChunks


def fold(text):
    return ''.join(c for c in unicodedata.normalize('NFD', text.lower()) if unicodedata.category(c) != 'Mn')


def names(question):
    """Capitalised words not at a sentence start (an approximation of TextTokenizer's IsName)."""
    found, start = set(), True
    for match in re.finditer(r"[^\W_][\w\-']*|[.!?¿¡]", question):
        token = match.group(0)
        if token in '.!?¿¡':
            start = True
            continue
        if token[0].isupper() and not start:
            found.add(fold(token).replace('-', ' '))
        start = False
    return found


def weight(chunks, matching):
    idf = math.log(1 + (chunks - matching + 0.5) / (matching + 0.5))
    return (chunks * idf + PRIOR) / (chunks + PRIOR)


def coverage(row):
    chunks, words, question_names = row['indexChunks'], row['words'], names(row['question'])
    best = 0.0
    for p, passage in enumerate(row['passages']):
        have = total = 0.0
        for w in words:
            held = (w['held'] >> p) & 1
            if passage['crossLanguage'] and not held and not (w['neutral'] or w['word'] in question_names):
                continue
            wt = weight(chunks, w['chunks'])
            total += wt
            have += wt * held
        best = max(best, have / total if total > 0 else 1.0)
    return best


def unknown_name(row):
    question_names = names(row['question'])
    return any(w['chunks'] == 0 and w['word'] in question_names and w['word'].isalpha() for w in row['words'])


def says_no_answer(row, threshold):
    if not row.get('words'):
        return False
    return unknown_name(row) or row['_coverage'] < threshold * row['indexChunks'] / (row['indexChunks'] + PRIOR)


def rates(rows, threshold):
    answerable = [r for r in rows if r['answerable']]
    unanswerable = [r for r in rows if not r['answerable']]
    recall = sum(says_no_answer(r, threshold) for r in unanswerable) / len(unanswerable) if unanswerable else None
    false = sum(says_no_answer(r, threshold) for r in answerable) / len(answerable) if answerable else None
    return recall, false


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--max-false', type=float, default=0.04)
    parser.add_argument('--folds', type=int, default=5)
    parser.add_argument('files', nargs='+')
    args = parser.parse_args()
    sets = {}
    for path in args.files:
        rows = [json.loads(line) for line in open(path, encoding='utf-8')]
        rows = [r for r in rows if r.get('indexChunks') is not None or r['noAnswer']]
        for r in rows:
            r['_coverage'] = coverage(r) if r.get('words') else 1.0
        random.Random(7).shuffle(rows)
        for i, r in enumerate(rows):
            r['_fold'] = i % args.folds
        sets[path] = rows
    results, thresholds = {p: [] for p in sets}, []
    for k in range(args.folds):
        chosen = 0.0
        for t in [i / 100 for i in range(0, 90)]:
            if all((rates([r for r in rows if r['_fold'] != k], t)[1] or 0) <= args.max_false for rows in sets.values()):
                chosen = t
        thresholds.append(chosen)
        for path, rows in sets.items():
            results[path].append(rates([r for r in rows if r['_fold'] == k], chosen))
    print('threshold per fold:', thresholds)
    for path, folds in results.items():
        line = path
        for name, index in (('no-answer on unanswerable', 0), ('false no-answer', 1)):
            values = [f[index] for f in folds if f[index] is not None]
            if values:
                line += f'  {name} {sum(values) / len(values):.3f} [{min(values):.3f}-{max(values):.3f}]'
        print(line)


if __name__ == '__main__':
    main()
