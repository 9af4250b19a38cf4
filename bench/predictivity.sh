#!/usr/bin/env bash
# PLS2 fit + predict (Brain-Score's mapping: 25 components, no scaling) in Java (org.plasticity.bench.PlsTimer,
# org.plasticity.neural.method.Pls) and in scikit-learn (bench/peer/pls_sklearn.py, PLSRegression at its defaults),
# on the same synthetic data, one core each, in the same session; then the table (bench/peer/predictivity_report.py):
# times, speed-up against the issue's target (Java at least 5x faster) and the largest prediction differences.
#
#   bash bench/predictivity.sh              build, run every case (~3 min on the 2-core machine, most of it
#                                           scikit-learn on the large case; plus waiting for a quiet machine)
#   bash bench/predictivity.sh --no-build   reuse bench/target/benchmarks.jar
#
# Environment:
#   CASES        "N:P:Q:SKLEARN_REPEATS ..." (default "640:784:50:5 3000:4096:200:1"): stimuli (90 % train, 10 %
#                test), units, neurons, and timed scikit-learn fits (after one warm-up fit when it is more than 1)
#   JAVA_WARMUP (10), JAVA_REPEATS (5): untimed fits (the JIT compiles the kernels: a cross-validation runs 10
#                splits per layer, so only the first split is cold) and timed ones;  COMPONENTS (25)
#   PY           the Python with scikit-learn (/usr/bin/python3, Debian's 1.2.1 over OpenBLAS)
#   JAVA_HEAP    -Xmx of the Java rows (3g)
#   QUIET_MAX (0.15), QUIET_TIMEOUT (300), RETRIES (1): as in run.sh
#
# Single core: OPENBLAS_NUM_THREADS=OMP_NUM_THREADS=MKL_NUM_THREADS=1 for both; the Java kernels are single-threaded
# and the JVM runs the serial collector (its JIT compiler threads still run during the warm-up).
# Results go to bench/results/<UTC time>-predictivity/ (gitignored); bench/results/latest-predictivity points at the
# newest.
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
CASES="${CASES:-640:784:50:5 3000:4096:200:1}"
JAVA_WARMUP="${JAVA_WARMUP:-10}"
JAVA_REPEATS="${JAVA_REPEATS:-5}"
COMPONENTS="${COMPONENTS:-25}"
PY="${PY:-/usr/bin/python3}"
JAVA_HEAP="${JAVA_HEAP:-3g}"
QUIET_MAX="${QUIET_MAX:-0.15}"
QUIET_TIMEOUT="${QUIET_TIMEOUT:-300}"
RETRIES="${RETRIES:-1}"
for c in $CASES; do
  [[ "$c" =~ ^[0-9]+:[0-9]+:[0-9]+:[0-9]+$ ]] || { echo "error: CASES: '$c' is not N:P:Q:SKLEARN_REPEATS" >&2; exit 2; }
done

for tool in java mvn python3 "$PY"; do
  command -v "$tool" >/dev/null || { echo "error: $tool is needed" >&2; exit 2; }
done
"$PY" -c 'import sklearn, numpy' 2>/dev/null || { echo "error: $PY has no scikit-learn (set PY)" >&2; exit 2; }

out="$here/results/$(date -u +%Y%m%dT%H%M%SZ)-predictivity"
mkdir -p "$out/stderr"
ln -sfn "$(basename "$out")" "$here/results/latest-predictivity"
echo "results: $out"

# ---- who else is using the machine: bench/quiet-rows.sh --------------------------------------------------------
# shellcheck source=quiet-rows.sh
source "$here/quiet-rows.sh"

# ---- build -----------------------------------------------------------------------------------------------------
if [ "$build" -eq 1 ]; then
  echo "building (mvn -q -B -o -pl bench -am package -DskipTests, style gates skipped) ..."
  (cd "$root" && mvn -q -B -o -pl bench -am package -DskipTests -Dcheckstyle.skip -Dmaven.javadoc.skip)
fi
[ -f "$here/target/benchmarks.jar" ] || { echo "error: bench/target/benchmarks.jar missing (build failed?)" >&2; exit 1; }
cp "$here/target/benchmarks.jar" "$out/benchmarks.jar"  # a private copy: other work may rebuild bench/target
jar="$out/benchmarks.jar"

{
  echo "date_utc=$(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "cpu=$(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -1)"
  echo "cores=$(nproc)"
  echo "uptime=$(uptime)"
  echo "commit=$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo '?')$(git -C "$root" diff --quiet 2>/dev/null || echo '+changes')"
  echo "cases=$CASES"
  echo "java_warmup=$JAVA_WARMUP java_repeats=$JAVA_REPEATS components=$COMPONENTS"
  echo "python=$PY"
} > "$out/env.txt"
cat "$out/env.txt"

# ---- per case: the data, then Java and scikit-learn on it, one after the other --------------------------------------
for c in $CASES; do
  IFS=: read -r n p q skr <<< "$c"
  name="n${n}-p${p}-q${q}"
  dir="$out/$name"
  echo "$name: synthetic data ..."
  "$PY" "$here/peer/pls_sklearn.py" data --n "$n" --p "$p" --q "$q" --out "$dir"
  run_row "java-$name" "$dir/java.json" java --add-modules=jdk.incubator.vector -XX:+UseSerialGC "-Xmx$JAVA_HEAP" \
    -cp "$jar" org.plasticity.bench.PlsTimer --data "$dir" --components "$COMPONENTS" --warmup "$JAVA_WARMUP" \
    --repeats "$JAVA_REPEATS"
  skw=$([ "$skr" -gt 1 ] && echo 1 || echo 0)
  run_row "sklearn-$name" "$dir/sklearn.json" "$PY" "$here/peer/pls_sklearn.py" time --data "$dir" \
    --components "$COMPONENTS" --warmup "$skw" --repeats "$skr"
done
uptime | tee -a "$out/env.txt"

# ---- table -------------------------------------------------------------------------------------------------------
"$PY" "$here/peer/predictivity_report.py" "$out" | tee "$out/table.md"
