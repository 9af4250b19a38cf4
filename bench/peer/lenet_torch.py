#!/usr/bin/python3
"""One training epoch of LeNet on Fashion-MNIST in PyTorch (CPU, float32) for bp, fa and burstprop, with the time
the epoch's matrix products alone take at the same shapes: the PyTorch peer of the Java conv networks.

The network is the project's `lenet` (biotorch's LeNetMNIST on 28 x 28 inputs with padding 2 in the first layer):
  conv6k5p2, maxpool2, conv16k5, maxpool2, conv120k5, fc84:linear, and the output fc10 with softmax
  = Conv2d(1, 6, 5, padding=2) -> f -> MaxPool2d(2) -> Conv2d(6, 16, 5) -> f -> MaxPool2d(2) -> Conv2d(16, 120, 5)
    -> f -> flatten -> Linear(120, 84) (linear units) -> Linear(84, 10), loss F.cross_entropy (softmax + CE, batch mean)
  f = relu for bp and fa. burstprop needs sigmoid hidden units (its event rate is a rate in (0, 1) and h(e) = 1 - e),
  so its hidden units, the fc84 layer's included, are all sigmoid.
Xavier-normal weights, zero biases. Inputs / 255, standardized by the training set's scalar mean and std, reshaped
to 1 x 28 x 28 (epoch_torch.load_train). SGD, momentum 0.9, weight decay 1e-6 on the weights only, batch 64, a fresh
permutation each epoch, the last batch partial (60,000 = 937 x 64 + 32). Learning rates: RATES below (timing does
not depend on them as long as training stays finite; the train loss is reported).

Rules:
  bp         autograd (loss.backward()).
  fa         every layer l >= 2 is an autograd Function whose backward sends the error down through a fixed random B_l
             (Xavier-normal, W_l's shape) instead of W_l: for conv layers the transposed convolution with B's kernels
             (aten.convolution_backward with B in W's place); the weight and bias gradients are the usual ones.
  burstprop  core's layered.credit.Burstprop (Payeur et al. 2021, rate form), by hand under torch.no_grad():
             output   g = e_L - y, b_L = p e_L, db_L = b_L^t - b_L = -p g
             hidden   the apical input of layer l from the bursts of layer l+1 through its feedback Y_{l+1} (W's shape,
                      N(0, 1), fixed): v = b Y (dense above), or the transposed convolution of b with Y's kernels (conv
                      above), routed back through layer l's max-pooling (to each window's argmax, zero elsewhere);
                      dv likewise from db (b and db are stacked and go through one product).
                      u = v (1 - e) - [recurrent] sigmoid(v) e Z^T, du = dv (1 - e), u^t = u + du,
                      db = (sigmoid(u^t) - sigmoid(u)) e = tanh(du/2) (1 - tanh(u/2) tanh(u^t/2)) e / 2,
                      b = sigmoid(u) e (only where a layer below needs it)
             every layer: delta_l = -db_l / batch, G_W = delta^T (input) (conv: the weight gradient of the convolution
             with delta as output gradient), G_c = sum of delta; the same SGD steps; then Z += 1e-4 u^T sigmoid(v) e.
             Recurrence (Z, U(-0.01, 0.01)) only in the dense hidden layer fc84, off in the conv layers, as in the
             paper's CIFAR-10 network. p = 0.2.

--self-check: FA with B = W against autograd's gradients, and burstprop with Y = W and Z = 0 against the gradients
of the same sigmoid network (its directions point along them, p / 4^k times as long k layers below the output).

Timing: --warmup batches first (not timed), then --epochs timed epochs (the median is reported), each from the
permutation to the last optimizer step, data loading excluded. --batches N times only the first N batches of each
epoch and scales the time to a full epoch (`extrapolated`: true).

GEMMs alone: the matrix products an epoch of the rule needs, timed with torch.mm on preallocated tensors at the
im2col shapes (conv layer with Cin, Cout, K x K, output Ho x Wo, batch B, N = B Ho Wo, Kd = Cin K K):
forward W [Cout x Kd] cols [Kd x N]; input gradient W^T [Kd x Cout] delta [Cout x N] (layers >= 2; burstprop: its
stacked b/db, 2N columns); weight gradient delta [Cout x N] cols^T [N x Kd]; dense layers x W^T, delta W (layers
>= 2; burstprop 2B rows), delta^T x; burstprop's fc84 also pre Z^T and u^T pre. Each product's median over
--gemm-reps runs, summed over the epoch's 937 full batches and the partial one. That is the time a perfect
implementation doing these products as single GEMMs would need: the machine's limit beside the epoch time.

Threads: --threads N sets torch.set_num_threads(N) and OPENBLAS_NUM_THREADS=N (Debian's torch does its matrix products in
the system OpenBLAS, which reads that variable when it loads; set before torch is imported).

Prints one JSON object: per rule seconds_per_epoch, epoch_seconds, train_loss, gemm seconds per epoch (total and by
kind), GEMM flops and rate; torch version, threads, OpenBLAS. Needs Debian's /usr/bin/python3 with python3-torch.
"""
import argparse
import json
import os
import statistics
import sys
import time

RULES = ("bp", "fa", "burstprop")
BATCH = 64
MOMENTUM = 0.9
WEIGHT_DECAY = 1e-6
P_BAR = 0.2
Z_LR = 1e-4
# (hidden, output) learning rates: burstprop as the dense recipe; bp 0.01; fa 0.001, since fa's LeNet with momentum
# 0.9 diverges at the dense recipe's 0.05 and at 0.01 within 200 batches, and at 0.003 within 600
RATES = {"bp": (0.01, 0.01), "fa": (0.001, 0.001), "burstprop": (0.1, 0.25)}
# (kind, in, out, kernel, padding, pool) in the order of the layer list; the output fc10 last
LENET = [("conv", 1, 6, 5, 2, 2), ("conv", 6, 16, 5, 0, 2), ("conv", 16, 120, 5, 0, None),
         ("fc", 120, 84, None, None, None), ("fc", 84, 10, None, None, None)]


def parse_args():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--rules", default=",".join(RULES), help="comma-separated subset of bp,fa,burstprop")
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--batches", type=int, default=0, help="time only the first N batches of an epoch (quick runs)")
    p.add_argument("--epochs", type=int, default=1, help="timed epochs per rule (median reported)")
    p.add_argument("--warmup", type=int, default=20, help="untimed batches before the timed epochs")
    p.add_argument("--gemm-reps", type=int, default=15)
    p.add_argument("--no-gemm", action="store_true", help="skip the GEMM-alone timing")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--data", default="/usr/share/datasets/fashion-mnist")
    p.add_argument("--json", metavar="FILE", help="also write the JSON to FILE (it is always printed)")
    p.add_argument("--self-check", action="store_true",
                   help="check the hand-written rules against autograd on one random batch, then exit")
    a = p.parse_args()
    a.rules = [r for r in a.rules.split(",") if r]
    bad = [r for r in a.rules if r not in RULES]
    if bad:
        p.error(f"unknown rule(s) {bad}; expected some of {RULES}")
    return a


ARGS = parse_args()
os.environ["OPENBLAS_NUM_THREADS"] = str(ARGS.threads)

import torch  # noqa: E402  (after OPENBLAS_NUM_THREADS is set)
import torch.nn.functional as F  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from epoch_torch import FALinearFn, load_train, openblas_info  # noqa: E402

conv_backward = torch.ops.aten.convolution_backward
pool_backward = torch.ops.aten.max_pool2d_with_indices_backward


def conv_grads(delta, inp, weight, pad, mask):
    """aten.convolution_backward for stride 1: (input gradient through `weight`, weight gradient, bias gradient)."""
    return conv_backward(delta, inp, weight, [weight.shape[0]], [1, 1], [pad, pad], [1, 1], False, [0, 0], 1, mask)


class FAConv2d(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x, w, b, feedback, pad):
        ctx.save_for_backward(x, w, feedback)
        ctx.pad = pad
        return F.conv2d(x, w, b, padding=pad)

    @staticmethod
    def backward(ctx, g):
        x, w, feedback = ctx.saved_tensors
        gx = conv_grads(g, x, feedback, ctx.pad, [True, False, False])[0] if ctx.needs_input_grad[0] else None
        _, gw, gb = conv_grads(g, x, w, ctx.pad, [False, True, True])
        return gx, gw, gb, None, None


class LeNet:
    """Parameters of LENET and the three rules' steps on one batch."""

    def __init__(self, rule, n_out):
        self.rule = rule
        self.ws, self.bs = [], []
        for kind, n_in, n_o, k, _, _ in LENET[:-1] + [("fc", 84, n_out, None, None, None)]:
            w = torch.empty((n_o, n_in, k, k) if kind == "conv" else (n_o, n_in))
            torch.nn.init.xavier_normal_(w)
            self.ws.append(w.requires_grad_(rule != "burstprop"))
            self.bs.append(torch.zeros(n_o, requires_grad=rule != "burstprop"))
        # FA: B_l for l >= 2 (index 0 unused); burstprop: Y_l ~ N(0, 1), Z for fc84 (index 3)
        self.feedback = [None] + [torch.nn.init.xavier_normal_(torch.empty_like(w)) for w in self.ws[1:]]
        if rule == "burstprop":
            self.feedback = [None] + [torch.randn_like(w) for w in self.ws[1:]]
            self.z = torch.empty(84, 84).uniform_(-0.01, 0.01)
        lr_h, lr_o = RATES[rule]
        groups = []
        for i, (w, b) in enumerate(zip(self.ws, self.bs)):
            lr = lr_o if i == len(self.ws) - 1 else lr_h
            groups += [{"params": [w], "lr": lr, "weight_decay": WEIGHT_DECAY},
                       {"params": [b], "lr": lr, "weight_decay": 0.0}]
        self.opt = torch.optim.SGD(groups, lr=lr_h, momentum=MOMENTUM)

    def logits(self, x):
        """bp and fa: the forward pass through autograd (relu units, linear fc84)."""
        h = x
        for i, ((kind, _, _, _, pad, pool), w, b) in enumerate(zip(LENET, self.ws, self.bs)):
            fa = self.rule == "fa" and i > 0
            if kind == "conv":
                a = FAConv2d.apply(h, w, b, self.feedback[i], pad) if fa else F.conv2d(h, w, b, padding=pad)
            else:
                h = h.flatten(1)
                a = FALinearFn.apply(h, w, b, self.feedback[i]) if fa else F.linear(h, w, b)
            if i == len(LENET) - 1:
                return a
            h = a if i == 3 else torch.relu(a)
            if pool:
                h = F.max_pool2d(h, pool)

    def step_autograd(self, xb, yb):
        loss = F.cross_entropy(self.logits(xb), yb)
        self.opt.zero_grad(set_to_none=True)
        loss.backward()
        self.opt.step()
        return loss.item()

    @torch.no_grad()
    def step_burstprop(self, xb, yb):
        batch = xb.shape[0]
        inputs, acts, indices = [], [], []
        h = xb
        for i, ((kind, _, _, _, pad, pool), w, b) in enumerate(zip(LENET, self.ws, self.bs)):
            inputs.append(h)  # unflattened: the shape the apical input of the layer below takes
            a = F.conv2d(h, w, b, padding=pad) if kind == "conv" else torch.addmm(b, h.flatten(1), w.t())
            if i == len(LENET) - 1:
                break
            e = torch.sigmoid(a)
            acts.append(e)
            if pool:
                h, idx = F.max_pool2d(e, pool, return_indices=True)
                indices.append(idx)
            else:
                h = e
                indices.append(None)
        e_out = torch.softmax(a, 1)
        loss = F.cross_entropy(a, yb).item()
        g = e_out - F.one_hot(yb, e_out.shape[1]).to(e_out.dtype)
        bd = torch.cat([P_BAR * e_out, g.mul_(-P_BAR)])  # rows: b_L, then db_L = b_L^t - b_L
        top = len(LENET) - 1
        for l in range(top, -1, -1):
            kind, _, _, _, pad, _ = LENET[l]
            w, b, inp = self.ws[l], self.bs[l], inputs[l]
            delta = (bd[batch:] if l > 0 else bd) * (-1.0 / batch)  # the bottom layer gets db alone
            if kind == "conv":
                _, w.grad, b.grad = conv_grads(delta, inp, w, pad, [False, True, True])
            else:
                w.grad = delta.t().mm(inp.flatten(1))
                b.grad = delta.sum(0)
            if l == 0:
                break
            # apical input of layer l - 1 (its pooled output is this layer's input), for b and db at once
            if kind == "conv":
                shape_in = inp.new_empty(1).expand((2 * batch,) + tuple(inp.shape[1:]))
                vd = conv_grads(bd, shape_in, self.feedback[l], pad, [True, False, False])[0]
            else:
                vd = bd.mm(self.feedback[l]).view((2 * batch,) + tuple(inp.shape[1:]))
            e = acts[l - 1]
            idx = indices[l - 1]
            if idx is not None:
                pool = LENET[l - 1][5]
                v = pool_backward(vd[:batch], e, [pool, pool], [pool, pool], [0, 0], [1, 1], False, idx)
                dv = pool_backward(vd[batch:], e, [pool, pool], [pool, pool], [0, 0], [1, 1], False, idx)
            else:
                v, dv = vd[:batch].view_as(e), vd[batch:].view_as(e)
            h = 1 - e
            u = v * h
            if l - 1 == 3:  # fc84: recurrent inhibition
                pre = torch.sigmoid(v).mul_(e)
                u.addmm_(pre, self.z.t(), alpha=-1)
                self.u, self.pre = u, pre
            du = dv * h
            tu, tut, tdu = torch.tanh(u * 0.5), torch.tanh((u + du).mul_(0.5)), torch.tanh(du.mul_(0.5))
            db = tdu.mul_(torch.addcmul(torch.ones_like(tu), tu, tut, value=-1)).mul_(e).mul_(0.5)
            # b = sigmoid(u) e = (1 + tanh(u/2)) e / 2, needed only where a layer lies below
            bd = torch.cat([tu.mul_(0.5).add_(0.5).mul_(e), db]) if l - 1 > 0 else db
        self.opt.step()
        self.z.addmm_(self.u.t(), self.pre, alpha=Z_LR)
        return loss


def run_epoch(net, x, y, batches, limit):
    perm = torch.randperm(x.shape[0])
    step = net.step_burstprop if net.rule == "burstprop" else net.step_autograd
    total = 0.0
    n = min(batches, limit) if limit else batches
    t0 = time.perf_counter()
    for k in range(n):
        idx = perm[k * BATCH:(k + 1) * BATCH]
        total += step(x.index_select(0, idx), y.index_select(0, idx))
    return time.perf_counter() - t0, total / n, n


def gemm_list(rule, batch):
    """(kind, m, n, k) of one batch's products, C[m x n] = A[m x k] B[k x n], as described in the module docstring."""
    out, side = [], 28
    for i, (kind, n_in, n_out, k, pad, pool) in enumerate(LENET):
        if kind == "conv":
            side = side + 2 * pad - k + 1
            kd, cols = n_in * k * k, batch * side * side
            out.append(("conv_forward", n_out, cols, kd))
            if i > 0:
                out.append(("conv_input_grad", kd, cols * (2 if rule == "burstprop" else 1), n_out))
            out.append(("conv_weight_grad", n_out, kd, cols))
            if pool:
                side //= pool
        else:
            out.append(("dense", batch, n_out, n_in))
            if i > 0:
                out.append(("dense", batch * (2 if rule == "burstprop" else 1), n_in, n_out))
            out.append(("dense", n_out, n_in, batch))
    if rule == "burstprop":
        out += [("recurrent", batch, 84, 84), ("recurrent", 84, 84, batch)]
    return out


def time_gemms(rule, batch, reps):
    """Median seconds of each product of one batch, by kind, and its flops."""
    by_kind, flops = {}, 0
    for kind, m, n, k in gemm_list(rule, batch):
        a, b = torch.randn(m, k), torch.randn(k, n)
        c = torch.empty(m, n)
        for _ in range(3):
            torch.mm(a, b, out=c)
        times = []
        for _ in range(reps):
            t0 = time.perf_counter()
            torch.mm(a, b, out=c)
            times.append(time.perf_counter() - t0)
        by_kind[kind] = by_kind.get(kind, 0.0) + statistics.median(times)
        flops += 2 * m * n * k
    return by_kind, flops


def gemm_epoch(rule, n, reps):
    full, rest = divmod(n, BATCH)
    kinds, flops = time_gemms(rule, BATCH, reps)
    per_epoch = {k: v * full for k, v in kinds.items()}
    total_flops = flops * full
    if rest:
        kinds_r, flops_r = time_gemms(rule, rest, reps)
        for k, v in kinds_r.items():
            per_epoch[k] += v
        total_flops += flops_r
    total = sum(per_epoch.values())
    return {"total": total, "by_kind": per_epoch, "flops": total_flops, "gflops_per_s": total_flops / total / 1e9}


def self_check():
    """FA with B = W must give autograd's gradients; burstprop with Y = W and Z = 0 must point along them, scaled by
    p / 4^k k layers below the output (sigmoid'(u) ~ 1/4 at small u; Burstprop.java's javadoc)."""
    torch.manual_seed(0)
    x, y = torch.randn(8, 1, 28, 28), torch.randint(0, 10, (8,))
    ok = True
    for rule in ("fa", "burstprop"):
        net = LeNet(rule, 10)
        net.feedback = [None] + [w.detach().clone() for w in net.ws[1:]]
        ref = LeNet("bp", 10)
        with torch.no_grad():
            for src, dst in zip(net.ws + net.bs, ref.ws + ref.bs):
                dst.copy_(src)
        for g in net.opt.param_groups + ref.opt.param_groups:
            g["lr"] = 0.0
        if rule == "burstprop":
            net.z.zero_()
            net.step_burstprop(x, y)
            # the reference: the same network with sigmoid hidden units (fc84 included), through autograd
            h = x
            for i, ((kind, _, _, _, pad, pool), w, b) in enumerate(zip(LENET, ref.ws, ref.bs)):
                a = F.conv2d(h, w, b, padding=pad) if kind == "conv" else F.linear(h.flatten(1), w, b)
                if i < len(LENET) - 1:
                    h = torch.sigmoid(a)
                    h = F.max_pool2d(h, pool) if pool else h
            F.cross_entropy(a, y).backward()
        else:
            net.step_autograd(x, y)
            ref.step_autograd(x, y)
        for l, (w, r) in enumerate(zip(net.ws, ref.ws)):
            d, g = w.grad.flatten(), r.grad.flatten()
            cos = float(d @ g / d.norm() / g.norm())
            ratio = float(d.norm() / g.norm())
            want = 1.0 if rule == "fa" else P_BAR / 4 ** (len(LENET) - 1 - l)
            good = cos > 0.999 and abs(ratio / want - 1) < 0.05
            ok &= good
            print(f"{rule} (feedback = W) layer {l + 1}: cos {cos:.5f}, |dir|/|grad| {ratio:.5f} "
                  f"(expected {want:.5f}) {'ok' if good else 'FAIL'}", file=sys.stderr)
    return 0 if ok else 1


def main():
    a = ARGS
    if a.self_check:
        sys.exit(self_check())
    start = time.time()
    torch.set_num_threads(a.threads)
    torch.manual_seed(a.seed)
    x, y = load_train(a.data, 0)
    x = x.view(-1, 1, 28, 28)
    n_out = int(y.max()) + 1
    batches = (x.shape[0] + BATCH - 1) // BATCH
    res = {"side": "torch", "network": "lenet", "batch": BATCH, "threads": a.threads,
           "torch_num_threads": torch.get_num_threads(), "torch_version": torch.__version__,
           "python": sys.version.split()[0], "openblas": openblas_info(),
           "omp_wait_policy": os.environ.get("OMP_WAIT_POLICY", ""), "examples": int(x.shape[0]),
           "batches_per_epoch": batches, "timed_batches": a.batches or batches, "extrapolated": bool(a.batches),
           "rules": {}}
    for rule in a.rules:
        torch.manual_seed(a.seed)
        net = LeNet(rule, n_out)
        run_epoch(net, x, y, batches, a.warmup)
        seconds, losses = [], []
        for _ in range(a.epochs):
            s, loss, n = run_epoch(net, x, y, batches, a.batches)
            seconds.append(s * batches / n)
            losses.append(loss)
        entry = {"seconds_per_epoch": statistics.median(seconds), "epoch_seconds": seconds, "train_loss": losses,
                 "lr": RATES[rule][0], "output_lr": RATES[rule][1],
                 "hidden_activation": "sigmoid" if rule == "burstprop" else "relu"}
        if not a.no_gemm:
            g = gemm_epoch(rule, x.shape[0], a.gemm_reps)
            entry["gemm_seconds_per_epoch"] = g
            entry["epoch_over_gemm"] = entry["seconds_per_epoch"] / g["total"]
        res["rules"][rule] = entry
        print(f"{rule}: {entry['seconds_per_epoch']:.3f} s/epoch"
              + (f", GEMMs alone {entry['gemm_seconds_per_epoch']['total']:.3f} s" if not a.no_gemm else "")
              + f", train loss {losses[-1]:.4f}", file=sys.stderr)
    res["start"], res["end"] = start, time.time()
    text = json.dumps(res)
    print(text)
    if a.json:
        with open(a.json, "w") as f:
            f.write(text + "\n")


if __name__ == "__main__":
    main()
