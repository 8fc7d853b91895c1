#!/usr/bin/env python3
"""Reference side of `reprise bench metrics`: pycocoevalcap 1.2 (Java included).

Reads one JSON object on stdin, {"image_ids": [...], "references": [[...], ...],
"candidates": [...]}, scores it exactly as `COCOEvalCap.evaluate` does (PTB tokenizer on
the references, then on the candidates; Bleu(4), Meteor, Rouge, Cider; no SPICE) and prints
one JSON object: {"seconds": total, "stages": {stage: seconds}, "corpus": {metric: score}}.
The total includes the tokenizer's and METEOR's Java processes (METEOR loads its jar and
paraphrase table in the timed part, as every toolkit run does).

Usage: REPRISE_REFERENCE_PYTHON=/tmp/cocoenv/bin/python reprise bench metrics
   or: python scripts/bench/metrics_reference.py < input.json
"""
import contextlib
import io
import json
import sys
import time

from pycocoevalcap.bleu.bleu import Bleu
from pycocoevalcap.cider.cider import Cider
from pycocoevalcap.meteor.meteor import Meteor
from pycocoevalcap.rouge.rouge import Rouge
from pycocoevalcap.tokenizer.ptbtokenizer import PTBTokenizer


def main():
    data = json.load(sys.stdin)
    ids = data["image_ids"]
    stages, corpus = {}, {}
    start = time.perf_counter()
    t = time.perf_counter()
    gts = PTBTokenizer().tokenize({i: [{"caption": c} for c in refs] for i, refs in zip(ids, data["references"])})
    res = PTBTokenizer().tokenize({i: [{"caption": c}] for i, c in zip(ids, data["candidates"])})
    stages["PTB tokenizer"] = time.perf_counter() - t
    for scorer, names in [(Bleu(4), ["BLEU-1", "BLEU-2", "BLEU-3", "BLEU-4"]), (Meteor(), ["METEOR"]),
                          (Rouge(), ["ROUGE-L"]), (Cider(), ["CIDEr"])]:
        t = time.perf_counter()
        with contextlib.redirect_stdout(io.StringIO()):
            score, _ = scorer.compute_score(gts, res)
        stages[names[0] if len(names) == 1 else "BLEU"] = time.perf_counter() - t
        for name, value in zip(names, score if len(names) > 1 else [score]):
            corpus[name] = float(value)
    print(json.dumps({"seconds": time.perf_counter() - start, "stages": stages, "corpus": corpus}))


if __name__ == "__main__":
    main()
