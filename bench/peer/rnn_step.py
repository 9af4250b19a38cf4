#!/usr/bin/env python3
"""Times one RNN step in numpy, the peer of bench/ JMH benchmarks (RnnStepBench, RnnBatchBench, DgemmBench).

One step (single trial, N units):
    u = J x                         np.dot(J, x, out=u)
    z ~ N(0, 1)^N                   Generator(PCG64).standard_normal(out=z)
    x += dt (tanh(beta (u + h)) - x) + sigma sqrt(dt) z       in-place ufuncs, no temporaries
Batched (B trials, X is B x N row-major): U = X J^T (one gemm, np.matmul(X, J.T, out=U)), noise for all B*N, then
the same update on every row (h broadcast over rows).

Same constants and input distributions as the Java side: dt=0.05, beta=0.6, sigma=0.2, J symmetric with
N(0,1)/sqrt(N) off the diagonal, h = 0.1 (+-1). float32 cases keep every array in float32.

Each case: warm-up, then `--repeats` blocks of steps sized to ~`--block-ms` each; reports the median time per step
in microseconds (and min / max of the blocks, and the wall-clock start / end of the case so run.sh can tell
whether another process was using the machine meanwhile). The BLAS thread count is whatever OPENBLAS_NUM_THREADS the caller
set (run.sh sets it; this script never changes it) and is reported together with the BLAS core type in use.
Prints one JSON object to stdout.
"""
import argparse
import ctypes
import json
import os
import platform
import statistics
import sys
import time

import numpy as np

DT = 0.05
BETA = 0.6
SIGMA = 0.2
S = SIGMA * np.sqrt(DT)
SEED = 20240601


def network(n, dtype, rows=None):
    """Coupling J (n x n symmetric), field h (n), state x (n or rows x n), all C-contiguous in dtype."""
    g = np.random.Generator(np.random.PCG64(SEED))
    a = g.standard_normal((n, n)) / np.sqrt(n)
    j = np.triu(a, 1)
    j = j + j.T
    h = np.where(g.random(n) < 0.5, 0.1, -0.1)
    shape = (n,) if rows is None else (rows, n)
    x = 0.1 * g.standard_normal(shape)
    return (np.ascontiguousarray(j, dtype=dtype), np.ascontiguousarray(h, dtype=dtype),
            np.ascontiguousarray(x, dtype=dtype))


def single_step(n, dtype):
    j, h, x = network(n, dtype)
    u = np.empty_like(x)
    z = np.empty_like(x)
    rng = np.random.Generator(np.random.PCG64(SEED + 1))
    normal = rng.standard_normal
    dot, tanh, add, sub, mul = np.dot, np.tanh, np.add, np.subtract, np.multiply
    beta, dt, s = dtype(BETA), dtype(DT), dtype(S)

    def step():
        dot(j, x, out=u)
        normal(dtype=dtype, out=z)
        add(u, h, out=u)
        mul(u, beta, out=u)
        tanh(u, out=u)
        sub(u, x, out=u)
        mul(u, dt, out=u)
        mul(z, s, out=z)
        add(x, u, out=x)
        add(x, z, out=x)

    return step, x


def single_parts(n, dtype):
    """The product, the noise and the element-wise update of single_step, each as its own callable."""
    j, h, x = network(n, dtype)
    u = np.empty_like(x)
    z = np.empty_like(x)
    u[:] = x
    z[:] = x
    rng = np.random.Generator(np.random.PCG64(SEED + 1))
    normal = rng.standard_normal
    dot, tanh, add, sub, mul = np.dot, np.tanh, np.add, np.subtract, np.multiply
    beta, dt, s = dtype(BETA), dtype(DT), dtype(S)
    w = np.empty_like(x)

    def gemv():
        dot(j, x, out=w)

    def noise():
        normal(dtype=dtype, out=w)

    def update():  # on copies, so x stays fixed and the inputs stay in range
        add(u, h, out=w)
        mul(w, beta, out=w)
        tanh(w, out=w)
        sub(w, x, out=w)
        mul(w, dt, out=w)
        mul(z, s, out=v)
        add(x, w, out=w)
        add(w, v, out=w)

    v = np.empty_like(x)
    return {"gemv": gemv, "noise": noise, "update": update}


def batch_step(n, b, dtype):
    j, h, x = network(n, dtype, rows=b)
    jt = j.T  # a view: BLAS gets a transposed operand, no copy
    u = np.empty_like(x)
    z = np.empty_like(x)
    rng = np.random.Generator(np.random.PCG64(SEED + 1))
    normal = rng.standard_normal
    matmul, tanh, add, sub, mul = np.matmul, np.tanh, np.add, np.subtract, np.multiply
    beta, dt, s = dtype(BETA), dtype(DT), dtype(S)

    def step():
        matmul(x, jt, out=u)
        normal(dtype=dtype, out=z)
        add(u, h, out=u)
        mul(u, beta, out=u)
        tanh(u, out=u)
        sub(u, x, out=u)
        mul(u, dt, out=u)
        mul(z, s, out=z)
        add(x, u, out=x)
        add(x, z, out=x)

    return step, x


def gemm(size, dtype):
    g = np.random.Generator(np.random.PCG64(SEED))
    a = (0.1 * g.standard_normal((size, size))).astype(dtype)
    b = (0.1 * g.standard_normal((size, size))).astype(dtype)
    c = np.empty((size, size), dtype=dtype)
    bt = b.T

    def step():
        np.matmul(a, bt, out=c)

    return step, c


def time_it(step, repeats, block_ms, warmup_s):
    """Median, min and max microseconds per call over `repeats` blocks of ~block_ms each."""
    clock = time.perf_counter
    end = clock() + warmup_s
    calls = 0
    while clock() < end or calls < 3:
        step()
        calls += 1
    t0 = clock()
    step()
    one = max(clock() - t0, 1e-7)
    per_block = max(1, int(block_ms / 1e3 / one))
    samples = []
    for _ in range(repeats):
        t0 = clock()
        for _ in range(per_block):
            step()
        samples.append((clock() - t0) / per_block * 1e6)
    return {"us": statistics.median(samples), "min_us": min(samples), "max_us": max(samples),
            "blocks": repeats, "calls_per_block": per_block}


def blas_info():
    """Which OpenBLAS numpy runs and with which kernel: threadpoolctl if installed, else ask the loaded library."""
    info = {"threadpoolctl": False}
    try:
        from threadpoolctl import threadpool_info  # noqa: PLC0415
        info["threadpoolctl"] = True
        info["libraries"] = [
            {k: lib.get(k) for k in ("internal_api", "version", "architecture", "num_threads", "filepath")}
            for lib in threadpool_info() if lib.get("user_api") == "blas"
        ]
        return info
    except ImportError:
        pass
    # Same mechanism as threadpoolctl: find the OpenBLAS that numpy loaded and query it.
    libs = []
    try:
        with open("/proc/self/maps") as maps:
            paths = sorted({line.split()[-1] for line in maps if "openblas" in line and line.split()[-1].startswith("/")})
    except OSError:
        paths = []
    for path in paths:
        entry = {"filepath": path}
        try:
            lib = ctypes.CDLL(path)
        except OSError:
            continue
        for prefix, suffix in (("scipy_openblas_", "64_"), ("openblas_", "64_"), ("openblas_", "")):
            try:
                corename = getattr(lib, prefix + "get_corename" + suffix)
                config = getattr(lib, prefix + "get_config" + suffix)
                threads = getattr(lib, prefix + "get_num_threads" + suffix)
            except AttributeError:
                continue
            corename.restype = ctypes.c_char_p
            config.restype = ctypes.c_char_p
            entry.update(architecture=corename().decode(), config=config().decode().strip(), num_threads=threads())
            break
        libs.append(entry)
    info["libraries"] = libs
    try:
        blas = np.show_config(mode="dicts")["Build Dependencies"]["blas"]
        info["numpy_build_blas"] = {k: blas.get(k) for k in ("name", "version")}
    except Exception as e:  # noqa: BLE001  (show_config's layout differs across numpy versions)
        info["numpy_build_blas"] = repr(e)
    return info


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--suite", default="single,batch,gemm",
                   help="comma list of: single (N=200,1000,2000), batch (N=1000, B=100), gemm (1000^3), "
                        "parts (diagnostic: gemv, noise, update of a single-trial step, each alone)")
    p.add_argument("--sizes", default="200,1000,2000")
    p.add_argument("--batch", type=int, default=100)
    p.add_argument("--batch-n", type=int, default=1000)
    p.add_argument("--gemm-size", type=int, default=1000)
    p.add_argument("--repeats", type=int, default=15)
    p.add_argument("--block-ms", type=float, default=60.0)
    p.add_argument("--warmup-s", type=float, default=0.3)
    a = p.parse_args()
    suites = set(a.suite.split(","))
    results = []
    dtypes = (("double", np.float64), ("float", np.float32))
    if "single" in suites:
        for n in (int(s) for s in a.sizes.split(",")):
            for name, dt in dtypes:
                step, x = single_step(n, dt)
                t0 = time.time()
                r = time_it(step, a.repeats, a.block_ms, a.warmup_s)
                assert np.all(np.isfinite(x)) and x.dtype == dt
                results.append({"case": "single", "n": n, "precision": name, **r, "start": t0, "end": time.time()})
    if "parts" in suites:  # diagnostic: the three parts of a single-trial step, each alone
        for n in (int(s) for s in a.sizes.split(",")):
            for name, dt in dtypes:
                for part, step in single_parts(n, dt).items():
                    t0 = time.time()
                    r = time_it(step, a.repeats, a.block_ms, a.warmup_s)
                    results.append({"case": "part-" + part, "n": n, "precision": name, **r,
                                    "start": t0, "end": time.time()})
    if "batch" in suites:
        for name, dt in dtypes:
            step, x = batch_step(a.batch_n, a.batch, dt)
            t0 = time.time()
            r = time_it(step, a.repeats, a.block_ms, a.warmup_s)
            assert np.all(np.isfinite(x)) and x.dtype == dt
            results.append({"case": "batch", "n": a.batch_n, "b": a.batch, "precision": name, **r,
                            "start": t0, "end": time.time()})
    if "gemm" in suites:
        for name, dt in dtypes:
            step, _ = gemm(a.gemm_size, dt)
            t0 = time.time()
            r = time_it(step, max(5, a.repeats // 2), a.block_ms, a.warmup_s)
            r["gflops"] = 2.0 * a.gemm_size ** 3 / (r["us"] * 1e3)
            results.append({"case": "gemm", "n": a.gemm_size, "precision": name, **r,
                            "start": t0, "end": time.time()})
    out = {
        "numpy": np.__version__,
        "python": platform.python_version(),
        "env": {k: os.environ.get(k) for k in ("OPENBLAS_NUM_THREADS", "OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE")},
        "blas": blas_info(),
        "results": results,
    }
    json.dump(out, sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
