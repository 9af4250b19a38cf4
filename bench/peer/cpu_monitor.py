#!/usr/bin/env python3
"""Logs, once per interval, how many cores were busy with work that is NOT ours, so benchmark rows taken while
another process (a build, a test run, a simulation) shared this 2-core machine can be flagged.

"Ours" is every process in process group --pgid (run.sh and all it starts: Maven, JMH host and forks, numpy),
counted as utime+stime+cutime+cstime of the live members: a finished child's time moves into its parent's
cutime/cstime when it is reaped, so processes that end mid-interval are still counted as ours. Foreign = all CPU
time the kernel accounted in the interval (/proc/stat) minus ours, in cores. One line per interval: `epoch_seconds foreign_cores ours_cores`. Stops when --pid exits.
"""
import argparse
import os
import sys
import time

TICK = os.sysconf("SC_CLK_TCK")


def total_busy():
    with open("/proc/stat") as f:
        parts = f.readline().split()[1:]
    vals = [int(v) for v in parts]
    idle = vals[3] + (vals[4] if len(vals) > 4 else 0)  # idle + iowait
    return sum(vals[:8]) - idle  # user nice system idle iowait irq softirq steal; guest is inside user


def group_ticks(pgid):
    ticks = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat") as f:
                s = f.read()
        except OSError:
            continue
        fields = s[s.rfind(")") + 2:].split()
        if int(fields[2]) == pgid:  # fields[0] is state; pgrp is field 5 overall
            # utime + stime + cutime + cstime
            ticks[int(name)] = int(fields[11]) + int(fields[12]) + int(fields[13]) + int(fields[14])
    return ticks


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--pgid", type=int, required=True)
    p.add_argument("--pid", type=int, required=True, help="stop when this process is gone")
    p.add_argument("--interval", type=float, default=1.0)
    p.add_argument("--out", required=True)
    a = p.parse_args()
    prev_total, prev_ours = total_busy(), group_ticks(a.pgid)
    prev_t = time.time()
    with open(a.out, "a", buffering=1) as out:
        while os.path.exists(f"/proc/{a.pid}"):
            time.sleep(a.interval)
            now_total, now_ours = total_busy(), group_ticks(a.pgid)
            now_t = time.time()
            # processes present in both samples count their delta; new ones count all they used
            ours = sum(t - prev_ours.get(pid, 0) for pid, t in now_ours.items())
            busy = now_total - prev_total
            span = (now_t - prev_t) * TICK
            foreign = max(0.0, (busy - ours) / span)
            out.write(f"{now_t:.1f} {foreign:.3f} {ours / span:.3f}\n")
            prev_total, prev_ours, prev_t = now_total, now_ours, now_t


if __name__ == "__main__":
    sys.exit(main())
