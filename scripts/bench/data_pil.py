#!/usr/bin/env python3
"""Reference side of `reprise bench data`: Pillow decode + resize + center crop.

Reads file paths (one per line) on stdin; for each, decodes with Pillow, converts to RGB,
resizes the shorter side to SIZE with BICUBIC (torchvision's Resize(SIZE) sizing) and
center-crops SIZE x SIZE, as CLIP's preprocessing does. Repeats the whole list RUNS times
and prints one JSON object: {"images": n, "seconds": best, "images_per_s": n / best}.

Usage: python3 scripts/bench/data_pil.py SIZE RUNS < files.txt
"""
import json
import sys
import time

from PIL import Image


def preprocess(path, size):
    image = Image.open(path).convert("RGB")
    w, h = image.size
    new = (size, int(size * h / w)) if w <= h else (int(size * w / h), size)
    image = image.resize(new, Image.BICUBIC)
    top, left = int(round((new[1] - size) / 2.0)), int(round((new[0] - size) / 2.0))
    return image.crop((left, top, left + size, top + size)).tobytes()


def main():
    size, runs = int(sys.argv[1]), int(sys.argv[2])
    paths = [line.strip() for line in sys.stdin if line.strip()]
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        for path in paths:
            preprocess(path, size)
        best = min(best, time.perf_counter() - start)
    print(json.dumps({"images": len(paths), "seconds": best, "images_per_s": len(paths) / best}))


if __name__ == "__main__":
    main()
