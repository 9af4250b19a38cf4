#!/usr/bin/env bash
# Benchmarks one RNN step in Java (JMH, bench/target/benchmarks.jar) and in numpy (bench/peer/rnn_step.py) in the
# same session, then prints the comparison table with the issue's targets. See bench/README.md.
#
#   bash bench/run.sh            build, run every row, print the table (about 6 minutes on the 2-core machine,
#                                plus any time spent waiting for other processes to leave the machine)
#   bash bench/run.sh --parts    also run the diagnostic benchmarks (StepPartsBench, ProtoBench; +1.5 minutes)
#   bash bench/run.sh --no-build reuse bench/target/benchmarks.jar
#
# Environment: JMH_OPTS (extra JMH flags, e.g. "-wi 1 -i 3" for a quick look; a -jvmArgsAppend given here replaces
# the annotation's and must repeat --add-modules=jdk.incubator.vector), QUIET_MAX (foreign cores allowed, default
# 0.15), QUIET_TIMEOUT (seconds to wait for a quiet machine before a row, default 300), RETRIES (re-runs of a row
# that another process disturbed, default 2), KEY_FORKS (JMH forks for the rows that carry a target, default 3).
#
# Results go to bench/results/<UTC time>/ (gitignored), bench/results/latest points at the newest.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
jar="$here/target/benchmarks.jar"
parts=0
build=1
for arg in "$@"; do
  case "$arg" in
    --parts) parts=1 ;;
    --no-build) build=0 ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    *) echo "unknown option: $arg" >&2; exit 2 ;;
  esac
done
QUIET_MAX="${QUIET_MAX:-0.15}"
QUIET_TIMEOUT="${QUIET_TIMEOUT:-300}"
RETRIES="${RETRIES:-2}"
JMH_OPTS="${JMH_OPTS:-}"

for tool in java mvn python3; do
  command -v "$tool" >/dev/null || { echo "error: $tool is needed" >&2; exit 2; }
done
python3 -c 'import numpy' 2>/dev/null || { echo "error: python3 with numpy is needed for the peer timings" >&2; exit 2; }

out="$here/results/$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$out/jmh" "$out/numpy" "$out/stderr"
ln -sfn "$(basename "$out")" "$here/results/latest"
echo "results: $out"

# ---- who else is using the machine -------------------------------------------------------------------------
# Other builds and runs share these 2 cores; a row measured while they ran is worthless. A background monitor logs
# the cores used by processes outside this script's process group once a second; each row waits for a quiet
# machine first and is re-run when the monitor saw foreign load during it.
pgid="$(ps -o pgid= $$ | tr -d ' ')"
python3 "$here/peer/cpu_monitor.py" --pgid "$pgid" --pid $$ --out "$out/cpu.log" &
monitor=$!
trap 'kill "$monitor" 2>/dev/null || true' EXIT
printf 'row\tstart\tend\tforeign_cores\tattempt\n' > "$out/rows.tsv"

now() { date +%s.%N; }

# mean foreign cores logged between $1 and $2 (epoch seconds); 0 when no sample fell inside
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

# run_row NAME THREADS COMMAND... : waits for quiet, runs, re-runs while disturbed
run_row() {
  local name="$1" threads="$2"
  shift 2
  local attempt=0
  while true; do
    attempt=$((attempt + 1))
    wait_quiet
    local t0 t1 f
    t0="$(now)"
    if ! OPENBLAS_NUM_THREADS="$threads" "$@" 2> "$out/stderr/$name.txt"; then
      tail -n 20 "$out/stderr/$name.txt" >&2
      echo "error: row $name failed; see $out" >&2
      exit 1
    fi
    t1="$(now)"
    sleep 1.2  # let the monitor log the last second
    f="$(foreign_between "$t0" "$t1")"
    printf '%s\t%s\t%s\t%s\t%s\n' "$name" "$t0" "$t1" "$f" "$attempt" >> "$out/rows.tsv"
    printf '  %-34s %6.1fs  foreign load %s cores%s\n' "$name" "$(awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }')" "$f" \
      "$(awk -v f="$f" -v m="$QUIET_MAX" 'BEGIN { if (f > m) print "  (disturbed)" }')"
    if awk -v f="$f" -v m="$QUIET_MAX" 'BEGIN { exit !(f > m) }' && [ "$attempt" -le "$RETRIES" ]; then
      echo "  re-running $name" >&2
      continue
    fi
    return 0
  done
}

java_cmd=(java --add-modules=jdk.incubator.vector)

# jmh NAME THREADS BENCHMARK [JMH args...]
jmh() {
  local name="$1" threads="$2" bench="$3"
  shift 3
  # shellcheck disable=SC2086
  run_row "$name" "$threads" "${java_cmd[@]}" -jar "$jar" "^org\.plasticity\.bench\.${bench}\$" "$@" $JMH_OPTS \
    -rf json -rff "$out/jmh/$name.json" -o "$out/jmh/$name.log"
}

# numpy NAME THREADS OUT_JSON [rnn_step.py args...]: OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE are unset together for this
# command only (on processors where the machine sets them, they make a current numpy pick slower kernels); the
# JVM rows keep the environment as it is.
numpy() {
  local name="$1" threads="$2" json="$3"
  shift 3
  run_row "$name" "$threads" sh -c 'json="$1"; shift; exec env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE python3 "$@" > "$json"' \
    sh "$json" "$here/peer/rnn_step.py" "$@"
}

# ---- build ---------------------------------------------------------------------------------------------------
if [ "$build" -eq 1 ]; then
  echo "building bench (mvn -q -B -pl bench -am package -DskipTests) ..."
  (cd "$root" && mvn -q -B -pl bench -am package -DskipTests)
fi
[ -f "$jar" ] || { echo "error: $jar missing (build failed?)" >&2; exit 1; }

# ---- provenance ----------------------------------------------------------------------------------------------
{
  OPENBLAS_VERBOSE=2 OPENBLAS_NUM_THREADS=1 "${java_cmd[@]}" -cp "$jar" org.plasticity.bench.Env 2> "$out/env-java.err"
} > "$out/env-java.json"
{
  echo "date_utc=$(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "cpu=$(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -1)"
  echo "cores=$(nproc)"
  echo "openblas_coretype_env=${OPENBLAS_CORETYPE:-<unset>}"
  echo "openblas_l2_size_env=${OPENBLAS_L2_SIZE:-<unset>}"
  echo "jvm_openblas_core=$(sed -n 's/^Core: *//p' "$out/env-java.err" | head -1)"
  echo "jmh_opts=$JMH_OPTS"
} > "$out/env.txt"
cat "$out/env.txt" "$out/env-java.json"

# ---- rows ----------------------------------------------------------------------------------------------------
# Each Java row is followed by the numpy twin of the same case, so that both see the same machine: on this shared
# host the speed of memory-bound rows (a gemv streams 8-32 MB of J per step) drifts from minute to minute.
# Some rows also change speed from one JVM to the next (memory placement for the gemv; thread placement and OpenBLAS
# workers spinning after a call for the 2-core rows), so the rows that carry a target run KEY_FORKS JMH forks
# (default 3) instead of the annotation's 1; the others keep 1 to stay within ~6 minutes.
KEY_FORKS="${KEY_FORKS:-3}"
echo "single-trial step, OPENBLAS_NUM_THREADS=1 ..."
for n in 200 1000 2000; do
  forks=1
  [ "$n" -eq 1000 ] && forks="$KEY_FORKS"
  for p in double float; do
    jmh "step-n$n-$p" 1 'RnnStepBench\.step' -p "n=$n" -p "precision=$p" -f "$forks"
  done
  numpy "np-t1-single-n$n" 1 "$out/numpy/t1-single-n$n.json" --suite single --sizes "$n"
done
for t in 1 2; do
  echo "batched step B=100 N=1000 and the gemm reference, OPENBLAS_NUM_THREADS=$t ..."
  for p in double float; do
    forks=1
    [ "$t" -eq 2 ] && [ "$p" = double ] && forks="$KEY_FORKS"
    jmh "gemm-$p-t$t" "$t" 'DgemmBench\.gemm' -p "precision=$p" -f "$forks"
    jmh "batch-$p-t$t" "$t" 'RnnBatchBench\.step' -p "precision=$p" -f "$forks"
    jmh "batchgemm-$p-t$t" "$t" 'RnnBatchBench\.gemmOnly' -p "precision=$p"
  done
  numpy "np-t$t-batch" "$t" "$out/numpy/t$t-batch.json" --suite batch,gemm
done
echo "batched step on 2 cores as the project runs trials: 2 workers x B=50, OPENBLAS_NUM_THREADS=1 each ..."
jmh workers-double 1 'RnnBatchWorkersBench\.step' -p precision=double -f "$KEY_FORKS"
jmh workers-float 1 'RnnBatchWorkersBench\.step' -p precision=float

if [ "$parts" -eq 1 ]; then
  echo "diagnostics: step parts and prototypes of core changes ..."
  jmh parts-t1 1 'StepPartsBench\..*' -p "n=1000"
  numpy np-t1-parts 1 "$out/numpy/t1-parts.json" --suite parts --sizes 1000
  jmh proto-t2 2 'ProtoBench\..*'
fi

# ---- table ---------------------------------------------------------------------------------------------------
python3 "$here/peer/report.py" "$out" | tee "$out/table.md"
