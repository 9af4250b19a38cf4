#!/usr/bin/env bash
# One training epoch of 784-500-10 on Fashion-MNIST (60,000 images) for bp, fa and burstprop at batch 32 and 128,
# in Java (org.plasticity.bench.EpochTimer, core's Trainer) and in PyTorch CPU (bench/peer/epoch_torch.py), run
# alternately in the same session, at 1 and 2 threads; prints the Java/PyTorch table. See bench/README.md.
#
#   bash bench/epoch.sh              install python3-torch if missing, build, run all 12 cases (~10 min on the
#                                    2-core machine, plus any time spent waiting for other processes to leave it)
#   bash bench/epoch.sh --no-build   reuse bench/target/benchmarks.jar
#   bash bench/epoch.sh --parts      also time the parts of an epoch on both sides (threads = 1; +4 min)
#
# Environment: RULES ("bp fa burstprop"), BATCHES ("32 128"), THREADS ("1 2"), WARMUP (untimed epochs, 1),
# EPOCHS (timed epochs, 3; the median is reported), ROUNDS (1; round 2, 4, ... runs PyTorch before Java and the table
# takes the median over rounds), DATA (/usr/share/datasets/fashion-mnist), QUIET_MAX (foreign cores allowed,
# 0.15), QUIET_TIMEOUT (seconds to wait for a quiet machine before a row, 300), RETRIES (re-runs of a disturbed
# row, 2).
#
# Other variables reach both sides unchanged, e.g. OPENBLAS_THREAD_TIMEOUT=4 (OpenBLAS worker threads stop spinning
# almost at once after a call; see bench/README.md for why that matters at 2 threads here).
#
# Results go to bench/results/<UTC time>-epoch/ (gitignored); bench/results/latest-epoch points at the newest.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
jar="$here/target/benchmarks.jar"
py=/usr/bin/python3   # Debian's python: python3-torch installs there (a pyenv python3 on PATH does not have it)
build=1
parts=0
for arg in "$@"; do
  case "$arg" in
    --no-build) build=0 ;;
    --parts) parts=1 ;;
    -h|--help) sed -n '2,18p' "$0"; exit 0 ;;
    *) echo "unknown option: $arg" >&2; exit 2 ;;
  esac
done
RULES="${RULES:-bp fa burstprop}"
BATCHES="${BATCHES:-32 128}"
THREADS="${THREADS:-1 2}"
WARMUP="${WARMUP:-1}"
EPOCHS="${EPOCHS:-3}"
ROUNDS="${ROUNDS:-1}"
DATA="${DATA:-/usr/share/datasets/fashion-mnist}"
QUIET_MAX="${QUIET_MAX:-0.15}"
QUIET_TIMEOUT="${QUIET_TIMEOUT:-300}"
RETRIES="${RETRIES:-2}"

for tool in java mvn "$py"; do
  command -v "$tool" >/dev/null || { echo "error: $tool is needed" >&2; exit 2; }
done
[ -d "$DATA" ] || { echo "error: Fashion-MNIST not found in $DATA (set DATA)" >&2; exit 2; }

# ---- PyTorch (Debian's python3-torch, CPU) -------------------------------------------------------------------
if ! "$py" -c 'import torch, numpy' 2>/dev/null; then
  echo "installing python3-torch (apt-get) ..."
  if [ "$(id -u)" -ne 0 ]; then
    echo "error: $py cannot import torch; run as root or: sudo apt-get install -y python3-torch" >&2
    exit 2
  fi
  apt-get install -y -q python3-torch || { apt-get update -q && apt-get install -y -q python3-torch; }
  "$py" -c 'import torch, numpy' || { echo "error: torch still not importable by $py" >&2; exit 2; }
fi

out="$here/results/$(date -u +%Y%m%dT%H%M%SZ)-epoch"
mkdir -p "$out/java" "$out/torch" "$out/torchp" "$out/stderr"
ln -sfn "$(basename "$out")" "$here/results/latest-epoch"
echo "results: $out"

# ---- who else is using the machine (as in run.sh) ---------------------------------------------------------------
pgid="$(ps -o pgid= $$ | tr -d ' ')"
"$py" "$here/peer/cpu_monitor.py" --pgid "$pgid" --pid $$ --out "$out/cpu.log" &
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

# run_row NAME THREADS OUT_JSON COMMAND... : waits for quiet, runs with OPENBLAS_NUM_THREADS=THREADS writing stdout
# to OUT_JSON, re-runs while another process disturbed it
run_row() {
  local name="$1" threads="$2" json="$3"
  shift 3
  local attempt=0
  while true; do
    attempt=$((attempt + 1))
    wait_quiet
    local t0 t1 f
    t0="$(now)"
    if ! OPENBLAS_NUM_THREADS="$threads" "$@" > "$json" 2> "$out/stderr/$name.txt"; then
      tail -n 20 "$out/stderr/$name.txt" >&2
      echo "error: row $name failed; see $out" >&2
      exit 1
    fi
    t1="$(now)"
    sleep 1.2  # let the monitor log the last second
    f="$(foreign_between "$t0" "$t1")"
    printf '%s\t%s\t%s\t%s\t%s\n' "$name" "$t0" "$t1" "$f" "$attempt" >> "$out/rows.tsv"
    printf '  %-28s %5.1fs  %s s/epoch  foreign load %s cores%s\n' "$name" \
      "$(awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }')" \
      "$("$py" -c 'import json,sys; print("%.3f" % json.load(open(sys.argv[1]))["seconds_per_epoch"])' "$json")" "$f" \
      "$(awk -v f="$f" -v m="$QUIET_MAX" 'BEGIN { if (f > m) print "  (disturbed)" }')"
    if awk -v f="$f" -v m="$QUIET_MAX" 'BEGIN { exit !(f > m) }' && [ "$attempt" -le "$RETRIES" ]; then
      echo "  re-running $name" >&2
      continue
    fi
    return 0
  done
}

# The rows run a private copy of the jar: other work on this machine may rebuild bench/target (a root `mvn package`)
# while the rows run, which would otherwise mix two versions of core in one table.
run_jar="$out/benchmarks.jar"
java_cmd=(java --add-modules=jdk.incubator.vector -Xms2g -Xmx2g -cp "$run_jar" org.plasticity.bench.EpochTimer)
torch_cmd=("$py" "$here/peer/epoch_torch.py")

# ---- build ---------------------------------------------------------------------------------------------------
if [ "$build" -eq 1 ]; then
  echo "building bench (mvn -q -B -pl bench -am package -DskipTests) ..."
  (cd "$root" && mvn -q -B -pl bench -am package -DskipTests)
fi
[ -f "$jar" ] || { echo "error: $jar missing (build failed?)" >&2; exit 1; }
cp "$jar" "$run_jar"

# ---- provenance ----------------------------------------------------------------------------------------------
{
  OPENBLAS_VERBOSE=2 OPENBLAS_NUM_THREADS=1 java --add-modules=jdk.incubator.vector -cp "$run_jar" \
    org.plasticity.bench.Env 2> "$out/env-java.err"
} > "$out/env-java.json"
{
  echo "date_utc=$(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "cpu=$(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -1)"
  echo "cores=$(nproc)"
  echo "loadavg_at_start=$(cut -d' ' -f1-3 /proc/loadavg)"
  echo "jvm_openblas_core=$(sed -n 's/^Core: *//p' "$out/env-java.err" | head -1)"
  echo "torch=$("$py" -c 'import torch; print(torch.__version__)')"
  echo "python=$("$py" -c 'import sys; print(sys.version.split()[0])')"
  echo "git_head=$(cd "$root" && git rev-parse --short HEAD 2>/dev/null || echo '?')"
  echo "core_uncommitted_files=$(cd "$root" && git status --short -- core 2>/dev/null | wc -l)"
  echo "openblas_thread_timeout=${OPENBLAS_THREAD_TIMEOUT:-<unset>}"
  echo "omp_wait_policy=${OMP_WAIT_POLICY:-<unset>}"
  echo "warmup=$WARMUP epochs=$EPOCHS rounds=$ROUNDS"
} > "$out/env.txt"
cat "$out/env.txt" "$out/env-java.json"

# ---- rows: each case's Java run is followed by its PyTorch twin (round 2, 4, ...: the other way round) ------------
common=(--warmup "$WARMUP" --epochs "$EPOCHS" --data "$DATA")
for round in $(seq 1 "$ROUNDS"); do
  for t in $THREADS; do
    echo "round $round, OPENBLAS_NUM_THREADS=$t (PyTorch: also torch.set_num_threads($t)) ..."
    for rule in $RULES; do
      for b in $BATCHES; do
        case_id="$rule-b$b-t$t-r$round"
        jrow() { run_row "java-$case_id" "$t" "$out/java/$case_id.json" "${java_cmd[@]}" --rule "$rule" --batch "$b" "${common[@]}"; }
        trow() {
          run_row "torch-$case_id" "$t" "$out/torch/$case_id.json" "${torch_cmd[@]}" --rule "$rule" --batch "$b" --threads "$t" "${common[@]}"
          # With more than one thread, libgomp's default busy-waiting after each parallel region takes the core that
          # OpenBLAS's own worker thread needs (2 cores here); OMP_WAIT_POLICY=PASSIVE is the usual fix, so PyTorch
          # also runs that way and the table uses the faster of the two.
          if [ "$t" -gt 1 ]; then
            run_row "torchp-$case_id" "$t" "$out/torchp/$case_id.json" env OMP_WAIT_POLICY=PASSIVE "${torch_cmd[@]}" --rule "$rule" --batch "$b" --threads "$t" "${common[@]}"
          fi
        }
        if [ $((round % 2)) -eq 1 ]; then jrow; trow; else trow; jrow; fi
      done
    done
  done
done

if [ "$parts" -eq 1 ]; then
  echo "diagnostics: parts of an epoch, OPENBLAS_NUM_THREADS=1 ..."
  mkdir -p "$out/parts"
  for rule in $RULES; do
    for b in $BATCHES; do
      run_row "java-parts-$rule-b$b" 1 "$out/parts/java-$rule-b$b.json" "${java_cmd[@]}" --rule "$rule" --batch "$b" --parts "${common[@]}"
      run_row "torch-parts-$rule-b$b" 1 "$out/parts/torch-$rule-b$b.json" "${torch_cmd[@]}" --rule "$rule" --batch "$b" --threads 1 --parts "${common[@]}"
    done
  done
fi

# ---- table ---------------------------------------------------------------------------------------------------
"$py" - "$out" "$QUIET_MAX" <<'EOF' | tee "$out/table.md"
import glob, json, os, statistics, sys

out, quiet_max = sys.argv[1], float(sys.argv[2])
foreign = {}
with open(os.path.join(out, "rows.tsv")) as f:
    next(f)
    for line in f:
        name, _, _, cores, _ = line.rstrip("\n").split("\t")
        foreign[name] = float(cores)  # the last attempt is the one kept

def load(side):
    runs = {}
    for path in sorted(glob.glob(os.path.join(out, side, "*.json"))):
        stem = os.path.basename(path)[:-5]
        rule, b, t, r = stem.rsplit("-", 3)
        with open(path) as f:
            res = json.load(f)
        key = (rule, int(b[1:]), int(t[1:]))
        runs.setdefault(key, []).append((res["seconds_per_epoch"], foreign.get(f"{side}-{stem}", 0.0), res))
    return runs

java, torch, torchp = load("java"), load("torch"), load("torchp")
order = {"bp": 0, "fa": 1, "burstprop": 2}
rows, details, summary, warnings = [], [], [], []
for key in sorted(java, key=lambda k: (k[2], order.get(k[0], 9), k[1])):
    if key not in torch:
        continue
    rule, b, t = key
    js = statistics.median(s for s, _, _ in java[key])
    jl = max(f for _, f, _ in java[key])
    peers = {"default": torch[key]}
    if key in torchp:
        peers["OMP_WAIT_POLICY=PASSIVE"] = torchp[key]
    med = {k: statistics.median(s for s, _, _ in v) for k, v in peers.items()}
    best = min(med, key=med.get)
    ts = med[best]
    tl = max(f for _, f, _ in peers[best])
    ratio = js / ts
    verdict = "PASS" if ratio <= 1.0 else "FAIL"
    flag = " ⚠" if max(jl, tl) > quiet_max else ""
    note = "" if best == "default" else " (passive)"
    rows.append(f"| {rule} batch {b}, {t} thread{'s' if t > 1 else ''} | {js:.2f} | {ts:.2f}{note} | {ratio:.2f}x | "
                f"≤ 1.00x | {verdict}{flag} | {jl:.2f} / {tl:.2f} |")
    if len(med) > 1:
        details.append(f"| {rule} batch {b}, {t} threads | {js:.2f} | {med['default']:.2f} | "
                       f"{med['OMP_WAIT_POLICY=PASSIVE']:.2f} |")
    jr, tr = java[key][0][2], torch[key][0][2]
    if (jr.get("lr"), jr.get("output_lr")) != (tr.get("lr"), tr.get("output_lr")):
        warnings.append(f"{rule}: learning rates differ: Java {jr.get('lr')}/{jr.get('output_lr')}, "
                        f"PyTorch {tr.get('lr')}/{tr.get('output_lr')} (update RATES in epoch_torch.py)")
    summary.append({"rule": rule, "batch": b, "threads": t, "java_seconds_per_epoch": js,
                    "torch_seconds_per_epoch": ts, "torch_config": best,
                    "torch_seconds_per_epoch_by_config": med, "ratio": ratio, "pass": ratio <= 1.0,
                    "foreign_cores_java": jl, "foreign_cores_torch": tl,
                    "java_epochs": [r["epoch_seconds"] for _, _, r in java[key]],
                    "torch_epochs": {k: [r["epoch_seconds"] for _, _, r in v] for k, v in peers.items()},
                    "java_train_loss": jr["train_loss"], "torch_train_loss": tr["train_loss"]})
print("| case | Java s/epoch | PyTorch s/epoch | Java/PyTorch | target | result | foreign load Java / PyTorch (cores) |")
print("| --- | ---: | ---: | ---: | --- | --- | ---: |")
print("\n".join(rows))
print()
print(f"⚠: another process used more than {quiet_max} cores on average during that row (after the re-runs).")
print("(passive): PyTorch was faster with OMP_WAIT_POLICY=PASSIVE; the ratio is against that faster time.")
if details:
    print()
    print("| case | Java s/epoch | PyTorch default | PyTorch OMP_WAIT_POLICY=PASSIVE |")
    print("| --- | ---: | ---: | ---: |")
    print("\n".join(details))
for w in warnings:
    print()
    print("WARNING: " + w)
parts = sorted(glob.glob(os.path.join(out, "parts", "*.json")))
if parts:
    print()
    print("Parts of an epoch, 1 thread, seconds per epoch:")
    print()
    for path in parts:
        with open(path) as f:
            res = json.load(f)
        p = ", ".join(f"{k} {v:.3f}" for k, v in res["parts_seconds_per_epoch"].items())
        line = f"- {res['side']} {res['rule']} batch {res['batch']}: epoch {res['seconds_per_epoch']:.3f}; {p}"
        if "gemm_seconds_per_epoch" in res:
            line += f"; GEMMs alone {res['gemm_seconds_per_epoch']['total']:.3f}"
        if "sigmoid_pass_seconds_per_epoch" in res:
            sp = res["sigmoid_pass_seconds_per_epoch"]
            line += "; one sigmoid pass over the hidden layer " + (
                ", ".join(f"{k} {v:.3f}" for k, v in sp.items()) if isinstance(sp, dict) else f"{sp:.3f}")
        print(line)
with open(os.path.join(out, "summary.json"), "w") as f:
    json.dump(summary, f, indent=1)
EOF
