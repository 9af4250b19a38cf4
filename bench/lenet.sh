#!/usr/bin/env bash
# One training epoch of LeNet (the `lenet` architecture: biotorch's LeNet on 28 x 28 images) on Fashion-MNIST, batch
# 64, for bp, fa and burstprop, in Java (org.plasticity.bench.EpochTimer --arch lenet, core's Trainer) and in PyTorch
# CPU (bench/peer/lenet_torch.py, same network, same rules: autograd, custom autograd functions, burstprop by hand),
# alternately in the same session, one thread each; beside each, the GEMM-alone time: the matrix products of the
# epoch at the same shapes (Java: the project's kernels, GemmAlone; PyTorch: torch.mm over OpenBLAS). Prints the table.
#
#   bash bench/lenet.sh              build, run the 6 rows (~15 min on the 2-core machine, plus waiting for quiet)
#   bash bench/lenet.sh --no-build   reuse bench/target/benchmarks.jar
#
# Environment: RULES ("bp fa burstprop"), EPOCHS (timed epochs, 1, after one warm-up epoch on the Java side and 20
# warm-up batches on PyTorch's), QUIET_MAX (0.15), QUIET_TIMEOUT (300), RETRIES (1), TORCH_THREADS2 (1: also a
# PyTorch row at 2 threads, for reference).
# Results go to bench/results/<UTC time>-lenet/ (gitignored); bench/results/latest-lenet points at the newest.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
build=1
for arg in "$@"; do
  case "$arg" in
    --no-build) build=0 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d'; exit 0 ;;
    *) echo "error: unknown option: $arg" >&2; exit 2 ;;
  esac
done
RULES="${RULES:-bp fa burstprop}"
EPOCHS="${EPOCHS:-1}"
QUIET_MAX="${QUIET_MAX:-0.15}"
QUIET_TIMEOUT="${QUIET_TIMEOUT:-300}"
RETRIES="${RETRIES:-1}"
TORCH_THREADS2="${TORCH_THREADS2:-1}"
py=/usr/bin/python3

"$py" -c 'import torch' 2>/dev/null || { echo "installing python3-torch ..." >&2; apt-get install -y -q python3-torch; }
if [ "$build" -eq 1 ]; then
  (cd "$root" && mvn -B -q -o install -DskipTests -Dcheckstyle.skip -Dmaven.javadoc.skip -pl bench -am) \
    || (cd "$root" && mvn -B -q install -DskipTests -Dcheckstyle.skip -Dmaven.javadoc.skip -pl bench -am)
fi
out="$here/results/$(date -u +%Y%m%dT%H%M%SZ)-lenet"
mkdir -p "$out/stderr"
ln -sfn "$out" "$here/results/latest-lenet"
cp "$here/target/benchmarks.jar" "$out/benchmarks.jar"  # a private copy: a rebuild during the run cannot mix versions
source "$here/quiet-rows.sh"

for rule in $RULES; do
  run_row "java-$rule" "$out/java-$rule.json" java --add-modules=jdk.incubator.vector -XX:+UseSerialGC -Xmx4g \
    -cp "$out/benchmarks.jar" org.plasticity.bench.EpochTimer --rule "$rule" --arch lenet --batch 64 --warmup 1 \
    --epochs "$EPOCHS"
  run_row "torch-$rule" "$out/torch-$rule.log" "$py" "$here/peer/lenet_torch.py" --rules "$rule" --threads 1 \
    --epochs "$EPOCHS" --json "$out/torch-$rule.json"
  if [ "$TORCH_THREADS2" -eq 1 ]; then
    run_row "torch2-$rule" "$out/torch2-$rule.log" "$py" "$here/peer/lenet_torch.py" --rules "$rule" --threads 2 \
      --epochs "$EPOCHS" --no-gemm --json "$out/torch2-$rule.json"
  fi
done

"$py" - "$out" $RULES <<'PY' | tee "$out/table.md"
import json, os, sys
out, rules = sys.argv[1], sys.argv[2:]
def load(name):
    p = os.path.join(out, name)
    return json.load(open(p)) if os.path.exists(p) else None
def torch_rule(d, rule):
    return d["rules"][rule] if d and "rules" in d and isinstance(d["rules"], dict) else (d or {}).get(rule, d)
print("| rule | Java s/epoch | Java GEMMs alone | PyTorch s/epoch (1 thread) | PyTorch GEMMs alone | Java / PyTorch "
      "| target | PyTorch s/epoch (2 threads) |")
print("| --- | ---: | ---: | ---: | ---: | ---: | --- | ---: |")
for rule in rules:
    j = load(f"java-{rule}.json")
    t = torch_rule(load(f"torch-{rule}.json"), rule)
    t2 = torch_rule(load(f"torch2-{rule}.json"), rule)
    js, jg = j["seconds_per_epoch"], j.get("gemm_seconds_per_epoch", float("nan"))
    ts = t["seconds_per_epoch"]
    tg = t.get("gemm_seconds_per_epoch", t.get("gemm", {}).get("seconds_per_epoch", float("nan")))
    if isinstance(tg, dict):
        tg = tg.get("total", float("nan"))
    t2s = t2["seconds_per_epoch"] if t2 else float("nan")
    ratio = js / ts
    print(f"| {rule} | {js:.2f} | {jg:.2f} | {ts:.2f} | {tg:.2f} | {ratio:.2f}x | <= 1.00x: {'PASS' if ratio <= 1 else 'FAIL'} "
          f"| {t2s:.2f} |")
PY
echo "results in $out"
