#!/usr/bin/python3
"""One training epoch of 784-500-10 on Fashion-MNIST in PyTorch (CPU, float32): the peer of
org.plasticity.bench.EpochTimer, run side by side with it by bench/epoch.sh.

The network and the settings are those of the Java side (training.Recipes.images with 500 hidden units):
  a1 = x W1^T + c1, e1 = sigmoid(a1), a2 = e1 W2^T + c2, loss = F.cross_entropy(a2, y)  (softmax + cross-entropy)
  Xavier-normal weights, zero biases; inputs / 255, then standardized by the training set's scalar mean and std
  SGD, momentum 0.9, weight decay 1e-6 on the weights only (the Java optimizer does not decay biases), learning
  rates per layer as the recipe: bp and fa 0.05 / 0.05; burstprop 0.1 (hidden) / 0.25 (output). (Keep RATES in step
  with training.Recipes.images: epoch.sh compares the rates both sides report and flags a difference.)
  each epoch a fresh random permutation of the 60,000 images, minibatches of --batch, the last one partial

Rules:
  bp         autograd (loss.backward()).
  fa         the output layer is a custom autograd.Function whose backward sends grad_out @ B down instead of
             grad_out @ W2 (B fixed, Xavier-normal, W2's shape), the way biotorch does it; the weight and bias
             gradients are the usual ones. The hidden layer is an ordinary nn.Linear.
  burstprop  core/src/main/java/org/plasticity/credit/Burstprop.java written with tensor ops under torch.no_grad():
             output   g = e2 - y (per-example gradient), p_t = p (1 - g/e2) (not clipped), b2 = p e2,
                      db2 = (p_t - p) e2 = -p g, delta2 = -db2 / batch, G_W2 = delta2^T e1
             hidden   v = b2 Y, dv = db2 Y, pre = sigmoid(v) e1, u = v (1 - e1) - pre Z^T,
                      du = dv (1 - e1), u_t = u + du,
                      db1 = (sigmoid(u_t) - sigmoid(u)) e1 = tanh(du/2) (1 - tanh(u/2) tanh(u_t/2)) e1 / 2
                      (the Java form, accurate in float however small du is), delta1 = -db1 / batch,
                      G_W1 = delta1^T x
             the directions go into .grad and the same torch.optim.SGD steps; afterwards Z += 1e-4 u^T pre.
             p = 0.2, Y ~ N(0, 1) fixed (10 x 500), Z ~ U(-0.01, 0.01) (500 x 500). (The Java loop also stores
             b1 = sigmoid(u) e1 for a layer below, which this network does not have; it is not computed here.)
             As of core commit 578d5d6 ("burstprop's sigmoids and their teacher difference through tanh(x/2)").

Timing: --warmup epochs (not counted), then --epochs timed epochs; each epoch is timed from the permutation to the
last optimizer step (data loading and standardization excluded, as on the Java side), and the median is reported.
Threads: torch.set_num_threads(--threads), default OPENBLAS_NUM_THREADS (Debian's torch calls the system OpenBLAS
for its matrix products, so that variable sets the BLAS threads; epoch.sh sets both to the same n).
--parts: also time forward (gather, forward, loss), backward (the rule's directions), step (optimizer) and
after (burstprop's Z update) per epoch.

Prints one JSON object: rule, batch, threads, seconds_per_epoch, epoch_seconds, torch_version, ...
Needs Debian's /usr/bin/python3 with python3-torch (torch 1.13) and numpy.
"""
import argparse
import ctypes
import gzip
import json
import os
import statistics
import struct
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F

HIDDEN = 500
MOMENTUM = 0.9
WEIGHT_DECAY = 1e-6
RATES = {"bp": (0.05, 0.05), "fa": (0.05, 0.05), "burstprop": (0.1, 0.25)}
P_BAR = 0.2
Z_LR = 1e-4


def read_idx(directory, name, dims):
    """IDX file `name` (plain or .gz, recognised by its magic bytes) as a numpy uint8 array."""
    for path in (os.path.join(directory, name), os.path.join(directory, name + ".gz")):
        if os.path.exists(path):
            break
    else:
        sys.exit(f"error: {name}[.gz] not found in {directory}")
    with open(path, "rb") as f:
        raw = f.read()
    if raw[:2] == b"\x1f\x8b":
        raw = gzip.decompress(raw)
    magic = struct.unpack(">I", raw[:4])[0]
    if magic != 0x800 + dims:
        sys.exit(f"error: {path}: magic {magic:#x}, expected {0x800 + dims:#x}")
    shape = struct.unpack(">" + "I" * dims, raw[4:4 + 4 * dims])
    data = np.frombuffer(raw, dtype=np.uint8, offset=4 + 4 * dims)
    if data.size != int(np.prod(shape)):
        sys.exit(f"error: {path}: {data.size} values for shape {shape}")
    return data.reshape(shape)


def load_train(directory, limit):
    images = read_idx(directory, "train-images-idx3-ubyte", 3)
    labels = read_idx(directory, "train-labels-idx1-ubyte", 1)
    x = images.reshape(images.shape[0], -1).astype(np.float32) / np.float32(255)
    y = labels.astype(np.int64)
    if limit:
        x, y = x[:limit], y[:limit]
    mean = float(x.mean(dtype=np.float64))
    std = float(np.sqrt(max((x.astype(np.float64) ** 2).mean() - mean * mean, 0.0)))
    x = (x - np.float32(mean)) * np.float32(1.0 / std if std > 0 else 1.0)
    return torch.from_numpy(np.ascontiguousarray(x, dtype=np.float32)), torch.from_numpy(y)


class FALinearFn(torch.autograd.Function):
    """y = x W^T + c; backward sends grad_out @ B (fixed) down instead of grad_out @ W."""

    @staticmethod
    def forward(ctx, x, weight, bias, feedback):
        ctx.save_for_backward(x, feedback)
        return torch.addmm(bias, x, weight.t())

    @staticmethod
    def backward(ctx, grad_out):
        x, feedback = ctx.saved_tensors
        grad_x = grad_out.mm(feedback) if ctx.needs_input_grad[0] else None
        grad_w = grad_out.t().mm(x)
        grad_c = grad_out.sum(0)
        return grad_x, grad_w, grad_c, None


class FALinear(torch.nn.Linear):
    def __init__(self, n_in, n_out):
        super().__init__(n_in, n_out)
        self.register_buffer("feedback", torch.empty(n_out, n_in))
        torch.nn.init.xavier_normal_(self.feedback)

    def forward(self, x):
        return FALinearFn.apply(x, self.weight, self.bias, self.feedback)


def build(rule, n_in, n_out):
    l1 = torch.nn.Linear(n_in, HIDDEN)
    l2 = FALinear(HIDDEN, n_out) if rule == "fa" else torch.nn.Linear(HIDDEN, n_out)
    for layer in (l1, l2):
        torch.nn.init.xavier_normal_(layer.weight)
        torch.nn.init.zeros_(layer.bias)
    model = torch.nn.Sequential(l1, torch.nn.Sigmoid(), l2)
    lr_h, lr_o = RATES[rule]
    opt = torch.optim.SGD([
        {"params": [l1.weight], "lr": lr_h, "weight_decay": WEIGHT_DECAY},
        {"params": [l1.bias], "lr": lr_h, "weight_decay": 0.0},
        {"params": [l2.weight], "lr": lr_o, "weight_decay": WEIGHT_DECAY},
        {"params": [l2.bias], "lr": lr_o, "weight_decay": 0.0},
    ], lr=lr_h, momentum=MOMENTUM)
    return model, l1, l2, opt


class Burstprop:
    """The Java Burstprop rule for one hidden layer (sigmoid) and a softmax output, recurrent Z on, Y fixed."""

    def __init__(self, l1, l2, n_out):
        self.l1, self.l2 = l1, l2
        self.y = torch.randn(n_out, HIDDEN)                      # Y_2, shaped like W2
        self.z = torch.empty(HIDDEN, HIDDEN).uniform_(-0.01, 0.01)  # Z_1
        self.n_out = n_out

    @torch.no_grad()
    def step(self, xb, yb, opt, t=None):
        w1, c1, w2, c2 = self.l1.weight, self.l1.bias, self.l2.weight, self.l2.bias
        batch = xb.shape[0]
        t0 = time.perf_counter()
        e1 = torch.sigmoid(torch.addmm(c1, xb, w1.t()))
        a2 = torch.addmm(c2, e1, w2.t())
        e2 = torch.softmax(a2, 1)
        loss = F.cross_entropy(a2, yb).item()
        t1 = time.perf_counter()
        # output layer: teacher burst probability from the per-example gradient g = e2 - y (unclipped)
        g = e2 - F.one_hot(yb, self.n_out).to(e2.dtype)
        b2 = P_BAR * e2
        db2 = g.mul_(-P_BAR)                                  # (p_t - p) e2 with p_t = p (1 - g / e2)
        delta2 = db2 * (-1.0 / batch)
        w2.grad = delta2.t().mm(e1)
        c2.grad = delta2.sum(0)
        # hidden layer: apical potential from the bursts above through Y, recurrent inhibition through Z
        v = b2.mm(self.y)
        dv = db2.mm(self.y)
        pre = torch.sigmoid(v).mul_(e1)
        h = 1 - e1
        u = torch.addmm(v * h, pre, self.z.t(), alpha=-1)   # v h - pre Z^T
        du = dv.mul_(h)                                       # u^t - u = (v^t - v) h
        ut = u + du
        # sigmoid(u^t) - sigmoid(u) = tanh(du/2) (1 - tanh(u/2) tanh(u^t/2)) / 2, as Burstprop.java computes it
        tu, tut, tdu = torch.tanh(u * 0.5), torch.tanh(ut * 0.5), torch.tanh(du * 0.5)
        db1 = tdu.mul_(torch.addcmul(torch.ones_like(tu), tu, tut, value=-1)).mul_(e1)
        delta1 = db1.mul_(-0.5 / batch)
        w1.grad = delta1.t().mm(xb)
        c1.grad = delta1.sum(0)
        t2 = time.perf_counter()
        opt.step()
        t3 = time.perf_counter()
        self.z.addmm_(u.t(), pre, alpha=Z_LR)                 # Z += eta u^T pre
        t4 = time.perf_counter()
        if t is not None:
            t[0] += t1 - t0
            t[1] += t2 - t1
            t[2] += t3 - t2
            t[3] += t4 - t3
        return loss


def run_epoch(rule, model, opt, bp, x, y, batch, t=None):
    n = x.shape[0]
    perm = torch.randperm(n)
    loss_sum = 0.0
    batches = (n + batch - 1) // batch
    for k in range(batches):
        s0 = time.perf_counter()
        idx = perm[k * batch:(k + 1) * batch]
        xb = x.index_select(0, idx)
        yb = y.index_select(0, idx)
        if rule == "burstprop":
            if t is not None:
                t[0] += time.perf_counter() - s0
            loss_sum += bp.step(xb, yb, opt, t)
            continue
        logits = model(xb)
        loss = F.cross_entropy(logits, yb)
        loss_sum += loss.item()
        s1 = time.perf_counter()
        opt.zero_grad(set_to_none=True)
        loss.backward()
        s2 = time.perf_counter()
        opt.step()
        s3 = time.perf_counter()
        if t is not None:
            t[0] += s1 - s0
            t[1] += s2 - s1
            t[2] += s3 - s2
    return loss_sum / batches


def sigmoid_pass(batch, n):
    """Seconds per epoch of one torch.sigmoid(out=) pass over batch x 500 values per batch (the Java twin is in
    EpochTimer --parts)."""
    g = torch.Generator().manual_seed(7)
    a = 2 * torch.randn(batch, HIDDEN, generator=g)
    e = torch.empty_like(a)
    batches = (n + batch - 1) // batch
    for _ in range(200):
        torch.sigmoid(a, out=e)
    blocks = []
    for _ in range(5):
        t0 = time.perf_counter()
        for _ in range(batches):
            torch.sigmoid(a, out=e)
        blocks.append(time.perf_counter() - t0)
    return statistics.median(blocks)


def openblas_info():
    """The OpenBLAS this process loaded (torch's BLAS on Debian): core type and thread count."""
    out = []
    try:
        with open("/proc/self/maps") as maps:
            paths = sorted({ln.split()[-1] for ln in maps if "openblas" in ln and ln.split()[-1].startswith("/")})
    except OSError:
        paths = []
    for path in paths:
        entry = {"filepath": path}
        try:
            lib = ctypes.CDLL(path)
            corename, threads = lib.openblas_get_corename, lib.openblas_get_num_threads
            corename.restype = ctypes.c_char_p
            entry.update(core=corename().decode(), num_threads=threads())
        except (OSError, AttributeError):
            pass
        out.append(entry)
    return out


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--rule", choices=sorted(RATES), default="bp")
    p.add_argument("--batch", type=int, default=32)
    p.add_argument("--threads", type=int, default=int(os.environ.get("OPENBLAS_NUM_THREADS", "1") or 1))
    p.add_argument("--warmup", type=int, default=1)
    p.add_argument("--epochs", type=int, default=3)
    p.add_argument("--limit", type=int, default=0, help="train on the first N images only (quick checks)")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--parts", action="store_true")
    p.add_argument("--data", default="/usr/share/datasets/fashion-mnist")
    a = p.parse_args()

    start = time.time()
    torch.set_num_threads(a.threads)
    torch.manual_seed(a.seed)
    x, y = load_train(a.data, a.limit)
    n_out = int(y.max()) + 1
    model, l1, l2, opt = build(a.rule, x.shape[1], n_out)
    bp = Burstprop(l1, l2, n_out) if a.rule == "burstprop" else None

    seconds, losses = [], []
    parts = [0.0] * 4
    for ep in range(a.warmup + a.epochs):
        timed = ep >= a.warmup
        t0 = time.perf_counter()
        losses.append(run_epoch(a.rule, model, opt, bp, x, y, a.batch, parts if (a.parts and timed) else None))
        seconds.append(time.perf_counter() - t0)
    timed_s = seconds[a.warmup:]
    res = {
        "side": "torch", "rule": a.rule, "batch": a.batch, "threads": a.threads,
        "seconds_per_epoch": statistics.median(timed_s), "epoch_seconds": timed_s,
        "warmup_seconds": seconds[:a.warmup], "train_loss": losses, "examples": int(x.shape[0]),
        "lr": RATES[a.rule][0], "output_lr": RATES[a.rule][1],
        "torch_version": torch.__version__, "omp_wait_policy": os.environ.get("OMP_WAIT_POLICY", ""), "torch_num_threads": torch.get_num_threads(),
        "numpy_version": np.__version__, "python": sys.version.split()[0], "openblas": openblas_info(),
        "start": start, "end": time.time(),
    }
    if a.parts:
        names = ["forward", "backward", "step", "after_step"]
        res["parts_seconds_per_epoch"] = {k: v / a.epochs for k, v in zip(names, parts)}
        res["sigmoid_pass_seconds_per_epoch"] = sigmoid_pass(a.batch, x.shape[0])
    print(json.dumps(res))


if __name__ == "__main__":
    main()
