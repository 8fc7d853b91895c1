#!/usr/bin/env python3
"""PyTorch CPU reference for `reprise bench tensor`: the same cases on the same shapes.

Prints one JSON object {"cases": {name: milliseconds}} on stdout. `reprise bench tensor`
runs it through the Python named by REPRISE_REFERENCE_PYTHON (a venv with torch) with the
same thread count, warm-up and repetition rule (median of --runs timed runs after one
untimed run; the eigen case runs once). The eigen reference is torch.lobpcg (k=10,
largest), PyTorch's solver for a few extreme eigenpairs without a full decomposition.
Case names and shapes must stay in step with Sources/reprise/BenchTensor.swift.

Usage: python scripts/bench/tensor_reference.py --threads 2 --runs 5 [--cases a,b]
"""
import argparse
import json
import statistics
import time

import torch
import torch.nn.functional as F


def timed(fn, runs, warm_up=True):
    if warm_up:
        fn()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1e3)
    return statistics.median(times)


def sgemm():
    a, b = torch.randn(1024, 1024), torch.randn(1024, 1024)
    return lambda: torch.mm(a, b)


def mlp(sizes, activation, final=None):
    layers = []
    for i, (n_in, n_out) in enumerate(zip(sizes[:-1], sizes[1:])):
        layers.append(torch.nn.Linear(n_in, n_out))
        if i < len(sizes) - 2:
            layers.append(activation())
    if final:
        layers.append(final())
    return torch.nn.Sequential(*layers)


def cyclegan_step():
    """Latent CycleGAN: generators G: X->Y, F: Y->X (four 512x512 linear layers, tanh),
    discriminators D_X, D_Y (512 -> 256 -> 1, LeakyReLU 0.2), batch 64, LSGAN losses,
    cycle L1 weight 10, AdamW(lr 2e-4, weight decay 0.01) for generators and discriminators."""
    g, f = mlp([512] * 5, torch.nn.Tanh), mlp([512] * 5, torch.nn.Tanh)
    dx = mlp([512, 256, 1], lambda: torch.nn.LeakyReLU(0.2))
    dy = mlp([512, 256, 1], lambda: torch.nn.LeakyReLU(0.2))
    opt_g = torch.optim.AdamW(list(g.parameters()) + list(f.parameters()), lr=2e-4, weight_decay=0.01)
    opt_d = torch.optim.AdamW(list(dx.parameters()) + list(dy.parameters()), lr=2e-4, weight_decay=0.01)
    x, y = torch.randn(64, 512), torch.randn(64, 512)
    ones, zeros = torch.ones(64, 1), torch.zeros(64, 1)

    def step():
        opt_g.zero_grad()
        fake_y, fake_x = g(x), f(y)
        loss_g = (F.mse_loss(dy(fake_y), ones) + F.mse_loss(dx(fake_x), ones)
                  + 10 * (F.l1_loss(f(fake_y), x) + F.l1_loss(g(fake_x), y)))
        loss_g.backward()
        opt_g.step()
        opt_d.zero_grad()
        loss_d = (F.mse_loss(dy(y), ones) + F.mse_loss(dy(fake_y.detach()), zeros)
                  + F.mse_loss(dx(x), ones) + F.mse_loss(dx(fake_x.detach()), zeros))
        loss_d.backward()
        opt_d.step()
    return step


class MBConv(torch.nn.Module):
    """Expand 1x1 -> depthwise kxk -> project 1x1, ReLU6, batch norm folded into biases."""

    def __init__(self, c_in, c_out, expand, kernel, stride):
        super().__init__()
        hidden = c_in * expand
        self.expand = torch.nn.Conv2d(c_in, hidden, 1) if expand != 1 else None
        self.depthwise = torch.nn.Conv2d(hidden, hidden, kernel, stride, kernel // 2, groups=hidden)
        self.project = torch.nn.Conv2d(hidden, c_out, 1)
        self.residual = stride == 1 and c_in == c_out

    def forward(self, x):
        h = F.relu6(self.expand(x)) if self.expand is not None else x
        h = self.project(F.relu6(self.depthwise(h)))
        return h + x if self.residual else h


# (in, out, expand, kernel, stride): EfficientNet-Lite0's first stages, then a 1x1 head.
BLOCKS = [(32, 16, 1, 3, 1), (16, 24, 6, 3, 2), (24, 24, 6, 3, 1), (24, 40, 6, 5, 2), (40, 80, 6, 3, 2)]


def convnet_forward():
    stem = torch.nn.Conv2d(3, 32, 3, 2, 1)
    blocks = torch.nn.Sequential(*[MBConv(*b) for b in BLOCKS])
    head = torch.nn.Conv2d(80, 1280, 1)
    x = torch.randn(8, 3, 224, 224)

    def forward():
        with torch.no_grad():
            h = head(blocks(F.relu6(stem(x))))
            return F.relu6(h).mean(dim=(2, 3))
    return forward


def attention_step():
    mha = torch.nn.MultiheadAttention(384, 12, batch_first=True)
    x = torch.randn(16, 32, 384, requires_grad=True)
    r = torch.randn(16, 32, 384)

    def step():
        mha.zero_grad()
        x.grad = None
        y, _ = mha(x, x, x, need_weights=False)
        (y * r).sum().backward()
    return step


def eigen_top10():
    generator = torch.Generator().manual_seed(0)
    x = torch.randn(5000, 32, generator=generator) / torch.arange(1, 33)
    a = x @ x.T
    return lambda: torch.lobpcg(a, k=10, largest=True, tol=1e-6, niter=200)


CASES = {
    "sgemm 1024^3": sgemm,
    "cyclegan mlp step (batch 64)": cyclegan_step,
    "convnet forward (8x3x224x224)": convnet_forward,
    "attention fwd+bwd (16x32x384 h12)": attention_step,
    "eigen top-10 (5000x5000)": eigen_top10,
}

# Expensive cases timed once without warm-up, as in BenchTensor.swift.
SINGLE_RUN = {"eigen top-10 (5000x5000)"}

if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--threads", type=int, required=True)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--cases", default="")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    wanted = [c for c in args.cases.split(",") if c] or list(CASES)
    times = {name: timed(CASES[name](), 1, False) if name in SINGLE_RUN else timed(CASES[name](), args.runs)
             for name in wanted}
    print(json.dumps({"torch": torch.__version__, "threads": args.threads, "cases": times}))
