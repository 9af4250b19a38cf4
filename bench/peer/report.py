#!/usr/bin/env python3
"""Reads one bench/run.sh results directory and prints the comparison table (Markdown) with the issue's targets.

Targets (issue's benchmark spec):
  * single-trial double step at N=1000 no slower than numpy            Java / numpy(float64)          <= 1.00
  * float32 step (N=1000) at most 0.55x numpy's double time              Java(float32) / numpy(float64) <= 0.55
  * batched B=100 (N=1000, double) on 2 cores at >= 80% of the machine's dgemm rate:
      efficiency = (2 B N^2 / t_step) / (2 * 1000^3 / t_dgemm), both at OPENBLAS_NUM_THREADS=2, t_dgemm from
      DgemmBench through the same Blas facade                                                          >= 80 %
  * ... and >= 2x numpy: Java batched step vs numpy's batched step, both at OPENBLAS_NUM_THREADS=2   ratio <= 0.50
Also writes summary.json beside the inputs.
"""
import csv
import json
import sys
from pathlib import Path

QUIET_MAX = 0.15


def load_jmh(out):
    rows = {}
    for f in sorted((out / "jmh").glob("*.json")):
        data = json.loads(f.read_text() or "[]")
        for e in data:
            key = f.stem
            if len(data) > 1:  # diagnostic runs hold several benchmarks
                params = ",".join(f"{k}={v}" for k, v in sorted(e.get("params", {}).items()))
                key = f"{f.stem}:{e['benchmark'].rsplit('.', 2)[-2]}.{e['benchmark'].rsplit('.', 1)[-1]}[{params}]"
            m = e["primaryMetric"]
            err = m["scoreError"]
            rows[key] = {"us": m["score"], "err": float(err) if err != "NaN" else float("nan"), "unit": m["scoreUnit"],
                         "benchmark": e["benchmark"], "params": e.get("params", {}),
                         "jdk": e.get("jdkVersion"), "jvm_args": e.get("jvmArgs")}
    return rows


def load_numpy(out):
    res, meta = {}, {}
    for f in sorted((out / "numpy").glob("*.json")):
        d = json.loads(f.read_text())
        t = d["env"]["OPENBLAS_NUM_THREADS"]
        meta[f.stem] = {k: d[k] for k in ("numpy", "python", "env", "blas")}
        for r in d["results"]:
            res[(r["case"], r["n"], r["precision"], t)] = r
    return res, meta


def load_rows(out):
    rows = {}
    path = out / "rows.tsv"
    if path.exists():
        with path.open() as f:
            for r in csv.DictReader(f, delimiter="\t"):
                rows[r["row"]] = {"foreign": float(r["foreign_cores"]), "attempt": int(r["attempt"])}
    return rows


def fmt_us(v):
    if v is None:
        return "—"
    return f"{v:,.1f}" if v < 1000 else f"{v:,.0f}"


def main():
    out = Path(sys.argv[1]).resolve()
    jmh = load_jmh(out)
    npy, npmeta = load_numpy(out)
    rowinfo = load_rows(out)
    env = dict(line.split("=", 1) for line in (out / "env.txt").read_text().splitlines() if "=" in line)
    envj = json.loads((out / "env-java.json").read_text())

    def j(name):
        return jmh.get(name, {}).get("us")

    def p(case, n, prec, t):
        return npy.get((case, n, prec, str(t)), {}).get("us")

    def flag(*names):
        worst = max((rowinfo.get(nm, {}).get("foreign", 0.0) for nm in names), default=0.0)
        return f" ⚠ {worst:.2f} foreign cores" if worst > QUIET_MAX else ""

    table = []  # case, java, numpy, ratio text, target text, verdict, note

    def ratio_row(case, java, peer, target=None, note=""):
        r = java / peer if java and peer else None
        verdict = "—"
        if target is not None and r is not None:
            verdict = "PASS" if r <= target else "FAIL"
        table.append([case, fmt_us(java), fmt_us(peer), f"{r:.2f}x" if r else "—",
                      f"≤ {target:.2f}x" if target is not None else "—", verdict, note])
        return r

    summary = {"targets": {}}
    for n in (200, 1000, 2000):
        for prec in ("double", "float"):
            tgt = 1.0 if (n == 1000 and prec == "double") else None
            r = ratio_row(f"single trial N={n} {prec}", j(f"step-n{n}-{prec}"), p("single", n, prec, 1), tgt,
                          flag(f"step-n{n}-{prec}", f"np-t1-single-n{n}"))
            if tgt is not None:
                summary["targets"]["single_double_n1000_vs_numpy"] = {"ratio": r, "target": "<= 1.00",
                                                                      "pass": r is not None and r <= tgt}
        if n == 1000:
            r = ratio_row(f"single trial N={n} float32 vs numpy float64", j(f"step-n{n}-float"),
                          p("single", n, "double", 1), 0.55, flag(f"step-n{n}-float", f"np-t1-single-n{n}"))
            summary["targets"]["single_float_n1000_vs_numpy_double"] = {"ratio": r, "target": "<= 0.55",
                                                                        "pass": r is not None and r <= 0.55}

    eff_rows = []
    for t in (1, 2):
        for prec in ("double", "float"):
            gemm_name = f"gemm-{prec}-t{t}"
            tgt = 0.5 if (t == 2 and prec == "double") else None
            r = ratio_row(f"batch B=100 N=1000 {prec} T={t}", j(f"batch-{prec}-t{t}"), p("batch", 1000, prec, t),
                          tgt, flag(f"batch-{prec}-t{t}", f"np-t{t}-batch"))
            if tgt is not None:
                summary["targets"]["batch_double_t2_vs_numpy"] = {"ratio": r, "target": "<= 0.50 (>= 2x numpy)",
                                                                  "pass": r is not None and r <= tgt}
            step, gonly, gemm = j(f"batch-{prec}-t{t}"), j(f"batchgemm-{prec}-t{t}"), j(gemm_name)
            if step and gemm:
                rate = 2.0 * 1000 ** 3 / (gemm * 1e3)  # GFLOP/s
                flops = 2.0 * 100 * 1000 * 1000
                ideal = flops / (rate * 1e3)  # µs at the machine's (s|d)gemm rate
                eff = ideal / step
                eff_g = ideal / gonly if gonly else None
                is_target = t == 2 and prec == "double"
                eff_rows.append([f"batch {prec} T={t}", fmt_us(step), fmt_us(gonly), fmt_us(ideal),
                                 f"{rate:.1f}", f"{eff * 100:.0f} %", f"{eff_g * 100:.0f} %" if eff_g else "—",
                                 "≥ 80 %" if is_target else "—",
                                 ("PASS" if eff >= 0.8 else "FAIL") if is_target else "—",
                                 flag(f"batch-{prec}-t{t}", f"batchgemm-{prec}-t{t}", gemm_name)])
                if is_target:
                    summary["targets"]["batch_double_t2_dgemm_efficiency"] = {
                        "efficiency": eff, "target": ">= 0.80", "pass": eff >= 0.8}

    # 2 cores the project's way: 2 workers x B=50, one BLAS thread each, against the T=2 (s|d)gemm rate
    for prec in ("double", "float"):
        name = f"workers-{prec}"
        step, gemm = j(name), j(f"gemm-{prec}-t2")
        r = ratio_row(f"batch B=100 N=1000 {prec}, 2 workers x B=50 (T=1 each) vs numpy T=2", step,
                      p("batch", 1000, prec, 2), 0.5 if prec == "double" else None,
                      flag(name, "np-t2-batch"))
        if prec == "double":
            summary["targets"]["batch_double_2workers_vs_numpy"] = {"ratio": r, "target": "<= 0.50 (>= 2x numpy)",
                                                                    "pass": r is not None and r <= 0.5}
        if step and gemm:
            rate = 2.0 * 1000 ** 3 / (gemm * 1e3)
            ideal = 2.0 * 100 * 1000 * 1000 / (rate * 1e3)
            eff = ideal / step
            is_target = prec == "double"
            eff_rows.append([f"batch {prec}, 2 workers x B=50 (T=1 each)", fmt_us(step), "—", fmt_us(ideal),
                             f"{rate:.1f}", f"{eff * 100:.0f} %", "—", "≥ 80 %" if is_target else "—",
                             ("PASS" if eff >= 0.8 else "FAIL") if is_target else "—",
                             flag(name, f"gemm-{prec}-t2")])
            if is_target:
                summary["targets"]["batch_double_2workers_dgemm_efficiency"] = {
                    "efficiency": eff, "target": ">= 0.80", "pass": eff >= 0.8}

    lines = []
    lines.append(f"Run {env.get('date_utc', '?')} on {env.get('cpu', '?')} ({env.get('cores', '?')} cores); "
                 f"JDK {envj['jdk']}; Blas.backend() = {envj['blas_backend']} "
                 f"(OpenBLAS core {env.get('jvm_openblas_core') or '?'}); "
                 f"Vector API lanes double {envj['double_lanes']}, float {envj['float_lanes']}.")
    m = next(iter(npmeta.values()), None)
    if m:
        libs = m["blas"].get("libraries", [])
        kern = ", ".join(f"{lib.get('architecture', '?')} ({lib.get('config', lib.get('version', ''))})" for lib in libs)
        lines.append(f"numpy {m['numpy']} (Python {m['python']}), BLAS kernel: {kern or '?'}; "
                     f"threadpoolctl: {'yes' if m['blas'].get('threadpoolctl') else 'no (queried the library)'}; "
                     f"OPENBLAS_CORETYPE/L2_SIZE in the caller's env: {env.get('openblas_coretype_env')}/"
                     f"{env.get('openblas_l2_size_env')} (unset for numpy only).")
    if env.get("jmh_opts"):
        lines.append(f"JMH options added: `{env['jmh_opts']}`.")
    lines.append("")
    lines.append("| case | Java µs | numpy µs | Java/numpy | target | result |")
    lines.append("| --- | ---: | ---: | ---: | --- | --- |")
    for c, jv, pv, r, tg, v, note in table:
        lines.append(f"| {c} | {jv} | {pv} | {r} | {tg} | {v}{note} |")
    lines.append("")
    lines.append("Batched step against the machine's matrix-multiply rate (DgemmBench 1000³ through the same facade, "
                 "same thread count; float rows use sgemm). Efficiency = time the step's 2·B·N² flops would take at "
                 "that rate / measured time.")
    lines.append("")
    lines.append("| case | step µs | gemm alone µs | at gemm rate µs | gemm rate GFLOP/s | step efficiency "
                 "| gemm-alone efficiency | target | result |")
    lines.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |")
    for row in eff_rows:
        lines.append("| " + " | ".join(row[:-2]) + f" | {row[-2]}{row[-1]} |")
    lines.append("")
    gl = []
    for t in (1, 2):
        for prec in ("double", "float"):
            jg = j(f"gemm-{prec}-t{t}")
            ng = p("gemm", 1000, prec, t)
            if jg and ng:
                gl.append(f"{'d' if prec == 'double' else 's'}gemm T={t}: Java {2e9 / (jg * 1e3):.1f}, "
                          f"numpy {2e9 / (ng * 1e3):.1f} GFLOP/s")
    if gl:
        lines.append("Square 1000³ gemm rates: " + "; ".join(gl) + ".")
    t = summary["targets"]
    lines.append("")
    lines.append("Targets: " + ", ".join(f"{k} {'PASS' if v['pass'] else 'FAIL'}" for k, v in t.items()) + ".")
    disturbed = [k for k, v in rowinfo.items() if v["foreign"] > QUIET_MAX]
    if disturbed:
        lines.append(f"⚠ rows measured while other processes used the machine (kept after retries): "
                     f"{', '.join(disturbed)}; treat them as unreliable.")
    extra = [k for k in jmh if ":" in k]
    if extra:
        lines.append("")
        lines.append("Diagnostics (run.sh --parts):")
        lines.append("")
        lines.append("| benchmark | µs/op | ± |")
        lines.append("| --- | ---: | ---: |")
        for k in extra:
            lines.append(f"| {k} | {jmh[k]['us']:.2f} | {jmh[k]['err']:.2f} |")
    nparts = {k: v for k, v in npy.items() if k[0].startswith("part-")}
    if nparts:
        lines.append("")
        lines.append("numpy parts (T=1): " + "; ".join(
            f"{k[0][5:]} N={k[1]} {k[2]} {v['us']:.2f} µs" for k, v in sorted(nparts.items())) + ".")
    text = "\n".join(lines)
    print(text)
    summary.update(env=env, java=envj, numpy=npmeta, jmh=jmh, rows=rowinfo,
                   numpy_results={"|".join(map(str, k)): v for k, v in npy.items()})
    (out / "summary.json").write_text(json.dumps(summary, indent=1, default=str))


if __name__ == "__main__":
    main()
