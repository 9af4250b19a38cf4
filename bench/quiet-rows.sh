# Sourced by the bench scripts that time rows against a peer (flr.sh, predictivity.sh): watches the load of other
# processes, waits for a quiet machine before each row and re-runs a disturbed row. Needs $here (bench/), $out (the
# run's results folder, with a stderr/ subfolder), $QUIET_MAX, $QUIET_TIMEOUT and $RETRIES; defines now,
# foreign_between, wait_quiet and run_row, and starts the monitor (stopped on exit).

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
