#!/usr/bin/env python3
"""Reads one bench/predictivity.sh results directory and prints the table (Markdown): PLS2 fit + predict in Java
(PlsTimer) against scikit-learn's PLSRegression (pls_sklearn.py) on the same data, single-threaded, with the issue's
target (Java at least 5x faster), and how far the predictions are apart. Writes summary.json beside the inputs.

The two differ because scikit-learn's NIPALS stops at a tolerance (squared change of the x weights below 1e-6, or
after 500 iterations), while Java computes each weight vector exactly. To show which side is off, the report also
computes the exact solution in numpy (an SVD of X_k^T Y_k per component, the same deflation; not timed) and gives
each side's distance from it.
"""
import json
import sys
from pathlib import Path

import numpy as np

TARGET_SPEEDUP = 5.0
QUIET_MAX = 0.15


def exact_predictions(d, k):
    x, y, xt = (np.load(d / f) for f in ("x_train.npy", "y_train.npy", "x_test.npy"))
    xm, ym = x.mean(0), y.mean(0)
    xk, yk = x - xm, y - ym
    ws, ps, cs = [], [], []
    for _ in range(min(k, x.shape[1], x.shape[0] - 1)):
        u = np.linalg.svd(xk.T @ yk, full_matrices=False)[0][:, 0]
        t = xk @ u
        tt = t @ t
        pl, cl = xk.T @ t / tt, yk.T @ t / tt
        xk -= np.outer(t, pl)
        yk -= np.outer(t, cl)
        ws.append(u), ps.append(pl), cs.append(cl)
    w, p, c = np.array(ws).T, np.array(ps).T, np.array(cs).T
    return (xt - xm) @ (w @ np.linalg.solve(p.T @ w, c.T)) + ym


def foreign(out):
    rows = {}
    path = out / "rows.tsv"
    if path.exists():
        for line in path.read_text().splitlines()[1:]:
            name, _, _, f, attempt = line.split("\t")
            rows[name] = (float(f), int(attempt))
    return rows


def main():
    out = Path(sys.argv[1])
    loads = foreign(out)
    summary, lines = [], []
    lines.append("| case | Java s | sklearn s | speed-up | target | result | max abs(Java - sklearn) "
                 "| max abs(Java - exact) | max abs(sklearn - exact) | max abs(pred) | sklearn NIPALS iterations "
                 "(mean, max) |")
    lines.append("| --- | ---: | ---: | ---: | --- | --- | ---: | ---: | ---: | ---: | ---: |")
    for case in sorted(p for p in out.iterdir() if p.is_dir() and (p / "java.json").exists()):
        j = json.loads((case / "java.json").read_text())
        s = json.loads((case / "sklearn.json").read_text())
        pj, ps = np.load(case / "pred_java.npy"), np.load(case / "pred_sklearn.npy")
        pe = exact_predictions(case, j["components"])
        speed = s["seconds"] / j["seconds"]
        disturbed = any(loads.get(f"{side}-{case.name}", (0, 1))[0] > QUIET_MAX for side in ("java", "sklearn"))
        row = {
            "case": case.name, "java_seconds": j["seconds"], "sklearn_seconds": s["seconds"], "speedup": speed,
            "pass": speed >= TARGET_SPEEDUP, "disturbed": disturbed,
            "max_abs_java_sklearn": float(np.abs(pj - ps).max()),
            "max_abs_java_exact": float(np.abs(pj - pe).max()),
            "max_abs_sklearn_exact": float(np.abs(ps - pe).max()),
            "max_abs_prediction": float(np.abs(pe).max()),
            "nipals_iterations_mean": float(np.mean(s["nipals_iterations"])),
            "nipals_iterations_max": int(np.max(s["nipals_iterations"])),
        }
        summary.append(row)
        lines.append(
            f"| {j['n_train']}+{j['n_test']} x {j['p']} -> {j['q']}, k={j['components']}{' ⚠' if disturbed else ''} "
            f"| {j['seconds']:.3f} | {s['seconds']:.3f} | {speed:.1f}x | >= {TARGET_SPEEDUP:.0f}x "
            f"| {'PASS' if row['pass'] else 'FAIL'} | {row['max_abs_java_sklearn']:.2e} "
            f"| {row['max_abs_java_exact']:.2e} | {row['max_abs_sklearn_exact']:.2e} "
            f"| {row['max_abs_prediction']:.3g} | {row['nipals_iterations_mean']:.0f}, "
            f"{row['nipals_iterations_max']} |")
    (out / "summary.json").write_text(json.dumps(summary, indent=2))
    print("\n".join(lines))


if __name__ == "__main__":
    main()
