#!/usr/bin/env python3
"""The simulation work of one fluctuation-learning experiment in numpy, the peer of bench FlrWorkTimer
(FlrExperiment.run with learning off and the quasi-static speed; docs/model.md#dynamics, #quasi-static).

The same work with the same structure as the Java experiment:
  * network: N tanh units, M random +-1 memories, J = (1/N) sum_mu p p^T with zero diagonal; beta 0.6, sigma 0.2,
    tau 1, dt 0.05; K io-mapping tasks (target xi, input eta, +-1 entries), field gamma eta with gamma 0.1;
  * one spontaneous run: T trials of burn-in + duration steps,
        U = X J^T;   X += dt (tanh(beta (U + h)) - X) + sigma sqrt(dt) Z,   Z ~ N(0, 1)
    with a finiteness check of X after every step, and a sample every `sample_every` (5) steps after burn-in; the
    trials are split into min(T, 10) fixed groups, each with its own moments: per-trial sums of x, and the sum of
    x x^T folded in by S^T S on blocks of 256 sampled rows (as core's MomentAccumulator);
  * per task: one input-evoked run with moments (same T, steps and sampling); the Hebbian mean update
    <F> = xi xbar^T (N x N); s = perturbation / (max_i |(<F> xbar)_i| / N); the changed network J + s <F>/N; one run
    of it with the evoked run's noise (common random numbers) and moments; the speed from the per-trial overlaps;
  * eigenvalues (not simulation, timed apart): 3 + groups symmetric decompositions of N x N (J at build, the
    spontaneous covariance, each group's covariance, J's top eigenvalue). One np.linalg.eigvalsh of J is timed, and
    the estimate is count x one.

Two structures (--structure):
  batched  every trial of a run in one matrix: one gemm (T x N x N) per step for the spontaneous run; all K tasks'
           evoked runs in one batch, one gemm (K T x N x N) per step, since they share J; the K changed runs in one
           stacked matmul (K x T x N times K x N x N) per step, since each has its own J.
  grouped  trials in the experiment's groups (2 at T = 20), one group after another, one small gemm (2 x N x N) per
           step, each group with its own noise stream: the way the Java experiment runs.

Noise: np.random.Generator(PCG64).standard_normal(out=...), one stream per run (batched) or per group (grouped).
float64 throughout, in-place ufuncs. The BLAS thread count is whatever OPENBLAS_NUM_THREADS the caller set (flr.sh
sets 1). Reports seconds of simulation work (everything but the eigenvalues) and microseconds per trial-step, where
trial-steps = T x (burn-in + duration)/dt x (1 + 2K). Prints one JSON object to stdout.
"""
import argparse
import json
import os
import platform
import resource
import sys
import time

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from rnn_step import blas_info  # noqa: E402

DT = 0.05
BETA = 0.6
SIGMA = 0.2
TAU = 1.0
GAMMA = 0.1
PERTURBATION = 0.02
INITIAL_SPREAD = 0.1
BLOCK_ROWS = 256
MAX_GROUPS = 10


def steps(t, dt):
    """Euler steps in time t, rounded half up as Java's Math.round; at least 1 for t > 0."""
    return 0 if t <= 0 else max(1, int(np.floor(t / dt + 0.5)))


def groups(trials):
    """The experiment's fixed split of trials into groups: (first, count) pairs."""
    g = min(trials, MAX_GROUPS)
    out, first = [], 0
    for k in range(g):
        c = trials // g + (1 if k < trials % g else 0)
        out.append((first, c))
        first += c
    return out


def rng(*key):
    return np.random.Generator(np.random.PCG64(np.random.SeedSequence(list(key))))


_SCRATCH = {}


def scratch(n):
    """One N x N product buffer shared by every accumulator (they flush one at a time)."""
    if n not in _SCRATCH:
        _SCRATCH[n] = np.empty((n, n))
    return _SCRATCH[n]


class Accumulator:
    """Moments of one trial group: per-trial sums of x, the pooled sum of x x^T by S^T S on 256-row blocks."""

    def __init__(self, n, trials):
        self.sums = np.zeros((trials, n))
        self.count = 0
        self.outer = np.zeros((n, n))
        self.tmp = scratch(n)
        self.buf = np.empty((BLOCK_ROWS, n))
        self.fill = 0

    def sample(self, x):
        self.sums += x
        self.count += 1
        rows = x.shape[0]
        done = 0
        while done < rows:
            take = min(rows - done, BLOCK_ROWS - self.fill)
            self.buf[self.fill:self.fill + take] = x[done:done + take]
            self.fill += take
            done += take
            if self.fill == BLOCK_ROWS:
                self.flush()

    def flush(self):
        if self.fill:
            b = self.buf[:self.fill]
            np.matmul(b.T, b, out=self.tmp)
            self.outer += self.tmp
            self.fill = 0

    def trial_means(self):
        return self.sums / self.count

    def covariance(self):
        self.flush()
        total = self.count * self.sums.shape[0]
        mean = self.sums.sum(axis=0) / total
        return self.outer / total - np.outer(mean, mean)


def simulate(x, jt, h, gen, burn, total, every, sampled):
    """Euler-Maruyama for total steps in place on x (..., N): u = x J^T by one (stacked) matmul per step.

    jt: J^T (N x N) or a stack (K x N x N) matching x's leading axis; h: None or broadcastable to x;
    sampled: [(accumulator, rows view function)] fed after burn-in every `every` steps.
    """
    u = np.empty_like(x)
    z = np.empty_like(x)
    matmul, tanh, add, sub, mul, isfinite = np.matmul, np.tanh, np.add, np.subtract, np.multiply, np.isfinite
    normal = gen.standard_normal
    flat = x.reshape(-1, x.shape[-1]) if jt.ndim == 2 else None  # one gemm over every row when J is shared
    uflat = u.reshape(-1, u.shape[-1]) if jt.ndim == 2 else None
    drift, s = DT / TAU, SIGMA * np.sqrt(DT)
    for step in range(1, total + 1):
        if flat is not None:
            matmul(flat, jt, out=uflat)
        else:
            matmul(x, jt, out=u)
        if h is not None:
            add(u, h, out=u)
        mul(u, BETA, out=u)
        tanh(u, out=u)
        sub(u, x, out=u)
        mul(u, drift, out=u)
        normal(out=z)
        mul(z, s, out=z)
        add(x, u, out=x)
        add(x, z, out=x)
        if not isfinite(x.sum()):
            raise FloatingPointError(f"state not finite at step {step}")
        if step > burn and (step - burn) % every == 0:
            for acc, rows in sampled:
                acc.sample(rows(x))


def initial(gen, shape):
    x = gen.standard_normal(shape)
    x *= INITIAL_SPREAD
    return x


def network(n, m, k, seed):
    g = rng(seed, 0)
    p = np.where(g.random((m, n)) < 0.5, -1.0, 1.0)
    j = p.T @ p / n
    np.fill_diagonal(j, 0.0)
    xi = np.where(g.random((k, n)) < 0.5, -1.0, 1.0)
    eta = np.where(g.random((k, n)) < 0.5, -1.0, 1.0)
    return np.ascontiguousarray(j), xi, eta


def changed_coupling(j, xi, mean):
    """<F> = xi xbar^T, s from the largest push max_i |(<F> xbar)_i| / N, J + s <F> / N (as QuasiStaticSpeed)."""
    n = j.shape[0]
    f = np.outer(xi, mean)
    per_unit = np.max(np.abs(f @ mean)) / n
    s = PERTURBATION / per_unit
    return j + (s / n) * f, s


def run_batched(j, xi, eta, a, burn, total, timer):
    n, t, k = j.shape[0], a.trials, a.tasks
    gr = groups(t)
    with timer("spontaneous"):
        accs = [Accumulator(n, c) for _, c in gr]
        x = initial(rng(a.seed, 1), (t, n))
        simulate(x, j.T, None, rng(a.seed, 1), burn, total, a.sample_every,
                 [(acc, lambda x, f=f, c=c: x[f:f + c]) for acc, (f, c) in zip(accs, gr)])
        for acc in accs:
            acc.covariance()  # each group's covariance, as Moments.combine
    with timer("evoked"):
        h = (GAMMA * eta)[:, None, :]
        ev = [[Accumulator(n, c) for _, c in gr] for _ in range(k)]
        x = initial(rng(a.seed, 3, 0), (k, t, n))
        simulate(x, j.T, h, rng(a.seed, 3), burn, total, a.sample_every,
                 [(acc, lambda x, q=q, f=f, c=c: x[q, f:f + c]) for q in range(k)
                  for acc, (f, c) in zip(ev[q], gr)])
        before = [np.concatenate([acc.trial_means() for acc in ev[q]]) for q in range(k)]
        for q in range(k):
            for acc in ev[q]:
                acc.covariance()
    with timer("changed"):
        jk, sk = [], []
        for q in range(k):
            jq, s = changed_coupling(j, xi[q], before[q].mean(axis=0))
            jk.append(jq)
            sk.append(s)
        jt = np.stack(jk).transpose(0, 2, 1)  # J_k^T as views, no copy
        ch = [[Accumulator(n, c) for _, c in gr] for _ in range(k)]
        x = initial(rng(a.seed, 3, 0), (k, t, n))  # the evoked run's initial states and noise
        simulate(x, jt, h, rng(a.seed, 3), burn, total, a.sample_every,
                 [(acc, lambda x, q=q, f=f, c=c: x[q, f:f + c]) for q in range(k)
                  for acc, (f, c) in zip(ch[q], gr)])
        after = [np.concatenate([acc.trial_means() for acc in ch[q]]) for q in range(k)]
        for q in range(k):
            for acc in ch[q]:
                acc.covariance()
    return finish(accs, xi, before, after, sk, n)


def run_grouped(j, xi, eta, a, burn, total, timer):
    n, t, k = j.shape[0], a.trials, a.tasks
    gr = groups(t)

    def run(jt, h, key):
        accs, means = [], []
        for g, (f, c) in enumerate(gr):
            acc = Accumulator(n, c)
            x = initial(rng(*key, g, 0), (c, n))
            simulate(x, jt, h, rng(*key, g), burn, total, a.sample_every, [(acc, lambda x: x)])
            acc.covariance()
            accs.append(acc)
            means.append(acc.trial_means())
        return accs, np.concatenate(means)

    with timer("spontaneous"):
        accs, _ = run(j.T, None, (a.seed, 1))
    before, after, sk = [], [], []
    for q in range(k):
        h = GAMMA * eta[q]
        with timer("evoked"):
            _, m0 = run(j.T, h, (a.seed, 3, q))
        with timer("changed"):
            jq, s = changed_coupling(j, xi[q], m0.mean(axis=0))
            _, m1 = run(jq.T, h, (a.seed, 3, q))
        before.append(m0)
        after.append(m1)
        sk.append(s)
    return finish(accs, xi, before, after, sk, n)


def finish(spont_accs, xi, before, after, sk, n):
    """Spontaneous covariance and its mean variance; each task's quasi-static speed (mean over trials)."""
    total = sum(acc.count * acc.sums.shape[0] for acc in spont_accs)
    mean = sum(acc.sums.sum(axis=0) for acc in spont_accs) / total
    outer = sum(acc.outer for acc in spont_accs)
    cov = outer / total - np.outer(mean, mean)
    speeds = [float(np.mean((m1 @ x - m0 @ x) / n / s)) for x, m0, m1, s in zip(xi, before, after, sk)]
    return cov, float(np.trace(cov) / n), speeds


class Timer:
    def __init__(self):
        self.seconds = {}

    def __call__(self, name):
        timer = self

        class Span:
            def __enter__(self):
                self.t0 = time.perf_counter()

            def __exit__(self, *exc):
                timer.seconds[name] = timer.seconds.get(name, 0.0) + time.perf_counter() - self.t0

        return Span()


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--structure", choices=("batched", "grouped"), default="batched")
    p.add_argument("--n", type=int, default=100)
    p.add_argument("--memories", type=int, default=-1, help="default 10 for N <= 1000, else 100")
    p.add_argument("--trials", type=int, default=20)
    p.add_argument("--tasks", type=int, default=3)
    p.add_argument("--burn-in", type=float, default=200.0)
    p.add_argument("--duration", type=float, default=1000.0)
    p.add_argument("--sample-every", type=int, default=5)
    p.add_argument("--seed", type=int, default=42)
    a = p.parse_args()
    m = a.memories if a.memories >= 0 else (min(10, a.n) if a.n <= 1000 else 100)
    for bad, name in ((a.n < 2, "--n"), (not 0 <= m <= a.n, "--memories"), (a.trials < 2, "--trials"),
                      (a.tasks < 1, "--tasks"), (a.sample_every < 1, "--sample-every"),
                      (not a.burn_in >= 0, "--burn-in"), (not a.duration > 0, "--duration")):
        if bad:
            print(f"error: {name}: out of range", file=sys.stderr)
            return 2
    start = time.time()
    burn = steps(a.burn_in, DT)
    total = burn + steps(a.duration, DT)
    j, xi, eta = network(a.n, m, a.tasks, a.seed)
    np.matmul(xi, j.T)  # loads the BLAS and starts its threads before the clock runs
    timer = Timer()
    t0 = time.perf_counter()
    run = run_batched if a.structure == "batched" else run_grouped
    cov, mean_var, speeds = run(j, xi, eta, a, burn, total, timer)
    seconds = time.perf_counter() - t0
    t1 = time.perf_counter()
    np.linalg.eigvalsh(j)
    eig_one = time.perf_counter() - t1
    eig_count = 3 + len(groups(a.trials))
    runs = 1 + 2 * a.tasks
    trial_steps = a.trials * total * runs
    out = {
        "side": "numpy", "structure": a.structure, "n": a.n, "memories": m, "trials": a.trials, "tasks": a.tasks,
        "burn_in": a.burn_in, "duration": a.duration, "dt": DT, "sample_every": a.sample_every,
        "steps_per_run": total, "runs": runs, "trial_steps": trial_steps,
        "seconds": seconds, "us_per_trial_step": seconds / trial_steps * 1e6,
        "phase_seconds": timer.seconds,
        "eigen_count": eig_count, "eigen_seconds_one": eig_one, "eigen_seconds_est": eig_count * eig_one,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 / 1e6,
        "spontaneous_mean_variance": mean_var, "mean_measured_speed": float(np.mean(speeds)),
        "numpy": np.__version__, "python": platform.python_version(),
        "env": {k: os.environ.get(k) for k in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS",
                                               "OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE")},
        "blas": blas_info(), "start": start, "end": time.time(),
    }
    json.dump(out, sys.stdout, indent=1)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
