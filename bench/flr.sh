#!/usr/bin/env bash
# The simulation work of one fluctuation-learning experiment (FlrExperiment.run, learning off, quasi-static speed)
# in Java (org.plasticity.bench.FlrWorkTimer) and in numpy (bench/peer/flr_work.py, batched and grouped), in the
# same session, for N = 100, 500, 1000, 2000; then the 2-worker batched step against the 2-core dgemm rate (JMH
# RnnBatchWorkersBench, DgemmBench -t 2) and the wall time of `./plasticity demo --quiet`. Prints the table
# (bench/peer/flr_report.py). See bench/README.md, "The FLR experiment's simulation work against numpy".
#
#   bash bench/flr.sh               build, run every row (~15-20 min on the 2-core machine, estimated; plus waiting for a quiet
#                                   machine)
#   bash bench/flr.sh --no-build    reuse bench/target/benchmarks.jar and app/target (the demo row still lets
#                                   ./plasticity rebuild when sources changed)
#   bash bench/flr.sh --no-demo     leave out the demo row;  --no-jmh  leave out the JMH rows
#
# Environment:
#   CASES        "N:K:BURN_IN:DURATION ..." (default "100:3:200:1000 500:3:50:200 1000:3:20:100 2000:3:2:10"):
#                network size, tasks, and times; the large N run shorter so that a row takes about a minute
#   TRIALS       trials per run (20);  THREADS_2  the second Java thread count (2)
#   JAVA_HEAP    -Xmx of the Java rows (6g; N = 2000 needs about 3 GB, see Preflight)
#   JMH_OPTS     JMH flags of the JMH rows ("-wi 2 -w 1 -i 3 -r 1 -f 1")
#   QUIET_MAX (0.15), QUIET_TIMEOUT (300), RETRIES (2): as in run.sh
#   SMOKE=1      mark the table as a smoke run (the numbers only show that the rows work)
#
# Results go to bench/results/<UTC time>-flr/ (gitignored); bench/results/latest-flr points at the newest.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
build=1
demo=1
jmh=1
for arg in "$@"; do
  case "$arg" in
    --no-build) build=0 ;;
    --no-demo) demo=0 ;;
    --no-jmh) jmh=0 ;;
    -h|--help) sed -n '2,23p' "$0"; exit 0 ;;
    *) echo "error: unknown option: $arg" >&2; exit 2 ;;
  esac
done
CASES="${CASES:-100:3:200:1000 500:3:50:200 1000:3:20:100 2000:3:2:10}"
TRIALS="${TRIALS:-20}"
THREADS_2="${THREADS_2:-2}"
JAVA_HEAP="${JAVA_HEAP:-6g}"
JMH_OPTS="${JMH_OPTS:--wi 2 -w 1 -i 3 -r 1 -f 1}"
QUIET_MAX="${QUIET_MAX:-0.15}"
QUIET_TIMEOUT="${QUIET_TIMEOUT:-300}"
RETRIES="${RETRIES:-2}"
SMOKE="${SMOKE:-0}"
for c in $CASES; do
  [[ "$c" =~ ^[0-9]+:[0-9]+:[0-9.]+:[0-9.]+$ ]] || { echo "error: CASES: '$c' is not N:K:BURN_IN:DURATION" >&2; exit 2; }
done

for tool in java mvn python3; do
  command -v "$tool" >/dev/null || { echo "error: $tool is needed" >&2; exit 2; }
done
python3 -c 'import numpy' 2>/dev/null || { echo "error: python3 with numpy is needed for the peer rows" >&2; exit 2; }

out="$here/results/$(date -u +%Y%m%dT%H%M%SZ)-flr"
mkdir -p "$out/java" "$out/numpy" "$out/jmh" "$out/stderr"
ln -sfn "$(basename "$out")" "$here/results/latest-flr"
echo "results: $out"

# ---- who else is using the machine: bench/quiet-rows.sh --------------------------------------------------------
# shellcheck source=quiet-rows.sh
source "$here/quiet-rows.sh"

# ---- build -----------------------------------------------------------------------------------------------------
if [ "$build" -eq 1 ]; then
  echo "building (mvn -q -B -pl app,bench -am install -DskipTests, style gates skipped) ..."
  (cd "$root" && mvn -q -B -pl app,bench -am install -DskipTests -Dcheckstyle.skip -Dmaven.javadoc.skip)
fi
[ -f "$here/target/benchmarks.jar" ] || { echo "error: bench/target/benchmarks.jar missing (build failed?)" >&2; exit 1; }
# A private copy: other work on this machine may rebuild bench/target while the rows run.
cp "$here/target/benchmarks.jar" "$out/benchmarks.jar"
jar="$out/benchmarks.jar"
java_cmd=(java --add-modules=jdk.incubator.vector -XX:+UseParallelGC "-Xmx$JAVA_HEAP")

{
  echo "date_utc=$(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "cpu=$(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -1)"
  echo "cores=$(nproc)"
  echo "commit=$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo '?')$(git -C "$root" diff --quiet 2>/dev/null || echo '+changes')"
  echo "cases=$CASES"
  echo "trials=$TRIALS"
  echo "threads_2=$THREADS_2"
  echo "java_heap=$JAVA_HEAP"
  echo "jmh_opts=$JMH_OPTS"
  echo "smoke=$SMOKE"
} > "$out/env.txt"
cat "$out/env.txt"

# ---- the experiment's simulation work, per N ----------------------------------------------------------------------
# Java and numpy rows of one N follow each other, so that both see the same machine.
for c in $CASES; do
  IFS=: read -r n k burn dur <<< "$c"
  args=(--n "$n" --trials "$TRIALS" --tasks "$k" --burn-in "$burn" --duration "$dur")
  echo "N=$n: K=$k tasks, T=$TRIALS trials, burn-in $burn, duration $dur ..."
  run_row "java-n$n-t1" "$out/java/n$n-t1.json" "${java_cmd[@]}" -cp "$jar" org.plasticity.bench.FlrWorkTimer \
    "${args[@]}" --threads 1
  for s in batched grouped; do
    run_row "np-n$n-$s" "$out/numpy/n$n-$s.json" python3 "$here/peer/flr_work.py" --structure "$s" "${args[@]}"
  done
  run_row "java-n$n-t$THREADS_2" "$out/java/n$n-t$THREADS_2.json" "${java_cmd[@]}" -cp "$jar" \
    org.plasticity.bench.FlrWorkTimer "${args[@]}" --threads "$THREADS_2"
done

# ---- the 2-worker batched step against the 2-core dgemm rate -----------------------------------------------------
if [ "$jmh" -eq 1 ]; then
  echo "2 workers x B=50 batched step (N=1000) and dgemm 1000^3 on 2 threads at once ..."
  # shellcheck disable=SC2086
  run_row jmh-workers "$out/jmh/workers.out" java --add-modules=jdk.incubator.vector -jar "$jar" \
    '^org\.plasticity\.bench\.RnnBatchWorkersBench\.step$' -p precision=double $JMH_OPTS \
    -rf json -rff "$out/jmh/workers.json"
  # shellcheck disable=SC2086
  run_row jmh-gemm-x2 "$out/jmh/gemm-x2.out" java --add-modules=jdk.incubator.vector -jar "$jar" \
    '^org\.plasticity\.bench\.DgemmBench\.gemm$' -p precision=double -t 2 $JMH_OPTS \
    -rf json -rff "$out/jmh/gemm-x2.json"
fi

# ---- the demo ----------------------------------------------------------------------------------------------------
if [ "$demo" -eq 1 ]; then
  echo "./plasticity demo --quiet (experiment and figures) ..."
  (cd "$root" && ./plasticity --version > /dev/null)  # builds first if sources changed, outside the timed row
  run_row demo "$out/demo.json" sh -c 't0=$(date +%s.%N); "$1/plasticity" demo --quiet --force --out "$2/demo-out" >&2;
    t1=$(date +%s.%N); echo "{\"seconds\": $(awk -v a="$t0" -v b="$t1" "BEGIN { print b - a }")}"' sh "$root" "$out"
fi

# ---- table -------------------------------------------------------------------------------------------------------
python3 "$here/peer/flr_report.py" "$out" | tee "$out/table.md"
