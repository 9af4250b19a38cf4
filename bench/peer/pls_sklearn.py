#!/usr/bin/env python3
"""scikit-learn's PLSRegression, the peer of bench PlsTimer (org.plasticity.neural.method.Pls), on the same files.

    pls_sklearn.py data --n 640 --p 784 --q 50 --out DIR [--seed 1]
        writes DIR/x_train.npy, y_train.npy, x_test.npy (float64): the first floor(0.9 n) synthetic stimuli for
        training, the rest for testing, as one split of Brain-Score's cross-validation.
    pls_sklearn.py time --data DIR [--components 25] [--warmup 1] [--repeats 3]
        times PLSRegression(n_components=25, scale=False) at its other defaults (NIPALS, tol 1e-6, max_iter 500), the
        Brain-Score mapping: fit on the training rows and predict the test rows, as PlsTimer does; writes
        DIR/pred_sklearn.npy and prints one JSON object (median seconds, NIPALS iterations per component, BLAS).

Synthetic data, a layer of rectified units driven by a few latent causes that also drive the neurons:
    Z ~ N(0, 1) (n x 40),  X = max(0, Z A / sqrt(40) + 0.5 E),  Y = Z B / sqrt(40) + N(0, 1),
with A, B, E standard normal. /usr/bin/python3 (Debian's scikit-learn 1.2.1 over OpenBLAS) is the interpreter meant;
run it with OPENBLAS_NUM_THREADS=1 (predictivity.sh does) for one core.
"""
import argparse
import json
import os
import platform
import statistics
import sys
import time
import warnings

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from rnn_step import blas_info  # noqa: E402

LATENT = 40


def make_data(args):
    rng = np.random.default_rng(args.seed)
    n, p, q = args.n, args.p, args.q
    z = rng.standard_normal((n, LATENT))
    x = np.maximum(z @ rng.standard_normal((LATENT, p)) / np.sqrt(LATENT) + 0.5 * rng.standard_normal((n, p)), 0)
    y = z @ rng.standard_normal((LATENT, q)) / np.sqrt(LATENT) + rng.standard_normal((n, q))
    train = int(np.floor(0.9 * n))
    os.makedirs(args.out, exist_ok=True)
    np.save(os.path.join(args.out, "x_train.npy"), x[:train])
    np.save(os.path.join(args.out, "y_train.npy"), y[:train])
    np.save(os.path.join(args.out, "x_test.npy"), x[train:])


def time_sklearn(args):
    from sklearn import __version__ as sklearn_version
    from sklearn.cross_decomposition import PLSRegression
    from sklearn.exceptions import ConvergenceWarning

    x = np.load(os.path.join(args.data, "x_train.npy"))
    y = np.load(os.path.join(args.data, "y_train.npy"))
    xt = np.load(os.path.join(args.data, "x_test.npy"))
    seconds, pred, model, warned = [], None, None, 0
    for r in range(args.warmup + args.repeats):
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", ConvergenceWarning)
            t0 = time.perf_counter()
            model = PLSRegression(n_components=args.components, scale=False).fit(x, y)
            pred = model.predict(xt)
            t = time.perf_counter() - t0
        warned = sum(issubclass(w.category, ConvergenceWarning) for w in caught)
        if r >= args.warmup:
            seconds.append(t)
    np.save(os.path.join(args.data, "pred_sklearn.npy"), np.asarray(pred).reshape(xt.shape[0], -1))
    print(json.dumps({
        "side": "sklearn",
        "n_train": x.shape[0], "n_test": xt.shape[0], "p": x.shape[1], "q": y.shape[1],
        "components": args.components,
        "seconds": statistics.median(seconds), "run_seconds": seconds, "warmup": args.warmup,
        "nipals_iterations": [int(i) for i in model.n_iter_],
        "components_not_converged": warned,
        "sklearn": sklearn_version, "numpy": np.__version__, "python": platform.python_version(),
        "openblas_num_threads": os.environ.get("OPENBLAS_NUM_THREADS", ""),
        "blas": blas_info(),
    }))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("data")
    d.add_argument("--n", type=int, required=True)
    d.add_argument("--p", type=int, required=True)
    d.add_argument("--q", type=int, required=True)
    d.add_argument("--seed", type=int, default=1)
    d.add_argument("--out", required=True)
    t = sub.add_parser("time")
    t.add_argument("--data", required=True)
    t.add_argument("--components", type=int, default=25)
    t.add_argument("--warmup", type=int, default=1)
    t.add_argument("--repeats", type=int, default=3)
    args = ap.parse_args()
    if args.cmd == "data":
        make_data(args)
    else:
        time_sklearn(args)


if __name__ == "__main__":
    main()
