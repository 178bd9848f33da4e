#!/usr/bin/env python3
"""Cross-check @claimdesk/agreement against independent implementations.

- Cohen's kappa: scikit-learn's sklearn.metrics.cohen_kappa_score (Debian: python3-sklearn).
- Krippendorff's alpha: a direct implementation of the pairwise definition in Krippendorff (2011),
  written here without a coincidence matrix: D_o averages δ² over the ordered value pairs within
  each unit (weight 1/(m_u - 1)), D_e over all ordered pairs of pairable values in the data.
- Optionally the npm package `krippendorff` 0.1.0, run by compute.ts with `--npm DIR` (install it
  outside the repo: `npm install --prefix DIR krippendorff@0.1.0`).

Not part of CI (scikit-learn is not installed there). Usage, from the repo root:
  /usr/bin/python3 bench/agreement/cross_check.py [--cases 200] [--seed 7] [--npm DIR]
Writes bench/results/agreement.md (beside the other benchmarks' results).
"""
import json
import os
import subprocess
import sys
from datetime import datetime, timezone

args = sys.argv[1:]
root = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
raw = subprocess.run(
    ["pnpm", "-s", "exec", "tsx", "bench/agreement/compute.ts", *args],
    cwd=root, check=True, capture_output=True, text=True,
).stdout
cases = json.loads(raw)

try:
    import sklearn
    from sklearn.metrics import cohen_kappa_score
except ImportError:
    sklearn = None


def pairable_units(matrix):
    units = []
    for row in matrix:
        values = [v for v in row if v is not None]
        if len(values) >= 2:
            units.append(values)
    return units


def alpha_pairwise(matrix, level):
    units = pairable_units(matrix)
    values = [v for u in units for v in u]
    n = len(values)
    if n == 0:
        return None
    counts = {}
    for v in values:
        counts[v] = counts.get(v, 0) + 1

    def delta(a, b):
        if level == "nominal":
            return 0.0 if a == b else 1.0
        if level == "interval":
            return float(a - b) ** 2
        lo, hi = min(a, b), max(a, b)
        between = sum(c for g, c in counts.items() if lo <= g <= hi)
        return (between - (counts[a] + counts[b]) / 2.0) ** 2

    d_o = 0.0
    for u in units:
        m = len(u)
        d_o += sum(delta(u[i], u[j]) for i in range(m) for j in range(m) if i != j) / (m - 1)
    d_o /= n
    d_e = sum(delta(a, b) for i, a in enumerate(values) for j, b in enumerate(values) if i != j)
    d_e /= n * (n - 1)
    if d_e == 0:
        return None
    return 1.0 - d_o / d_e


def kappa_sklearn(matrix):
    a, b = [], []
    for row in matrix:
        if len(row) >= 2 and row[0] is not None and row[1] is not None:
            a.append(row[0])
            b.append(row[1])
    if not a or sklearn is None:
        return None
    if len(set(a) | set(b)) < 2:
        return None  # undefined (0/0); sklearn returns nan
    return float(cohen_kappa_score(a, b))


def diff(x, y):
    if x is None and y is None:
        return 0.0
    if x is None or y is None:
        return float("inf")
    return abs(x - y)


worst = {}
undefined_mismatch = 0
rows = []
for c in cases:
    for level in ("nominal", "ordinal", "interval"):
        ours = c["alpha"][level]
        ref = alpha_pairwise(c["matrix"], level)
        d = diff(ours, ref)
        worst[f"alpha {level} vs pairwise"] = max(worst.get(f"alpha {level} vs pairwise", 0.0), d)
        if c["npmAlpha"] is not None and ours is not None:
            d2 = abs(ours - c["npmAlpha"][level])
            worst[f"alpha {level} vs npm krippendorff"] = max(
                worst.get(f"alpha {level} vs npm krippendorff", 0.0), d2
            )
    if sklearn is not None:
        d = diff(c["kappa"], kappa_sklearn(c["matrix"]))
        worst["kappa vs sklearn"] = max(worst.get("kappa vs sklearn", 0.0), d)
    if c["name"].startswith("Krippendorff"):
        rows.append(c)

lines = [
    "# Agreement statistics: cross-check",
    "",
    f"Command: `/usr/bin/python3 bench/agreement/cross_check.py {' '.join(args)}`".rstrip(),
    f"Date: {datetime.now(timezone.utc).strftime('%Y-%m-%d %H:%M UTC')}; cases: {len(cases)} "
    f"(2 published + {len(cases) - 2} random, seeded); scikit-learn: "
    f"{sklearn.__version__ if sklearn else 'not installed'}; npm krippendorff: "
    f"{'yes' if cases[0]['npmAlpha'] is not None else 'not run'}.",
    "",
    "| published example | nominal | ordinal | interval |",
    "| --- | --- | --- | --- |",
]
for c in rows:
    a = c["alpha"]
    lines.append(
        f"| {c['name']} | {a['nominal']:.3f} | {a['ordinal']:.3f} | {a['interval']:.3f} |"
    )
lines += ["", "| comparison | max abs difference |", "| --- | --- |"]
for k, v in worst.items():
    lines.append(f"| {k} | {v:.2e} |")
ok = all(v < 1e-9 for v in worst.values())
lines += ["", f"Result: {'PASS' if ok else 'FAIL'} (every difference below 1e-9)."]
report = "\n".join(lines) + "\n"
with open(os.path.join(root, "bench", "results", "agreement.md"), "w") as f:
    f.write(report)
print(report)
sys.exit(0 if ok else 1)
