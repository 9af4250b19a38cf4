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

# ---- who else is using the machine (as in run.sh) ---------------------------------------------------------------
pgid="$(ps -o pgid= $$ | tr -d ' ')"
python3 "$here/peer/cpu_monitor.py" --pgid "$pgid" --pid $$ --out "$out/cpu.log" &
monitor=$!
trap 'kill "$monitor" 2>/dev/null || true' EXIT
printf 'row\tstart\tend\tforeign_cores\tattempt\n' > "$out/rows.tsv"

now() { date +%s.%N; }

foreign_between() {
  awk -v a="$1" -v b="$2" '$1 >= a && $1 <= b + 1 { s += $2; n++ } END { printf "%.3f", (n ? s / n : 0) }' "$out/cpu.log"
}

wait_quiet() {
  local waited=0
  sleep 1
  while true; do
    local busy
    busy="$(tail -n 3 "$out/cpu.log" 2>/dev/null | awk -v m="$QUIET_MAX" '$2 > m { n++ } END { print n + 0 }')"
    [ "$(wc -l < "$out/cpu.log")" -ge 3 ] && [ "$busy" -eq 0 ] && return 0
    if [ "$waited" -ge "$QUIET_TIMEOUT" ]; then
      echo "  warning: machine still busy after ${QUIET_TIMEOUT}s; measuring anyway (row will be flagged)" >&2
      return 0
    fi
    [ "$waited" -eq 0 ] && echo "  waiting for other processes to finish (foreign load: $(tail -n 1 "$out/cpu.log" | awk '{print $2}') cores) ..." >&2
    sleep 5
    waited=$((waited + 5))
  done
}

# run_row NAME OUT_JSON COMMAND... : waits for quiet, runs with OPENBLAS_NUM_THREADS=1 (single core for numpy; the
# Java kernels are single-threaded whatever it says) writing stdout to OUT_JSON, re-runs while disturbed
run_row() {
  local name="$1" json="$2"
  shift 2
  local attempt=0
  while true; do
    attempt=$((attempt + 1))
    wait_quiet
    local t0 t1 f
    t0="$(now)"
    if ! OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 MKL_NUM_THREADS=1 "$@" > "$json" 2> "$out/stderr/$name.txt"; then
      tail -n 20 "$out/stderr/$name.txt" >&2
      echo "error: row $name failed; see $out" >&2
      exit 1
    fi
    t1="$(now)"
    sleep 1.2  # let the monitor log the last second
    f="$(foreign_between "$t0" "$t1")"
    printf '%s\t%s\t%s\t%s\t%s\n' "$name" "$t0" "$t1" "$f" "$attempt" >> "$out/rows.tsv"
    printf '  %-28s %6.1fs  foreign load %s cores%s\n' "$name" "$(awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }')" \
      "$f" "$(awk -v f="$f" -v m="$QUIET_MAX" 'BEGIN { if (f > m) print "  (disturbed)" }')"
    if awk -v f="$f" -v m="$QUIET_MAX" 'BEGIN { exit !(f > m) }' && [ "$attempt" -le "$RETRIES" ]; then
      echo "  re-running $name" >&2
      continue
    fi
    return 0
  done
}

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
