"""matplotlib peer of `iskbrief export chart --kind trends --events`:
attacks per year stacked by country, 1920x1080 PNG.
Usage: matplotlib_trends.py events.csv out.png"""
import csv
import sys
from collections import Counter

import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt

src, out = sys.argv[1:3]
counts = Counter()
with open(src, newline="") as f:
    rows = csv.reader(f)
    header = next(rows)
    d, c = header.index("event_date"), header.index("country")
    for r in rows:
        counts[(int(r[d][:4]), r[c])] += 1
years = sorted({y for y, _ in counts})
countries = sorted({c for _, c in counts})
fig, ax = plt.subplots(figsize=(19.2, 10.8), dpi=100)
base = [0] * len(years)
for c in countries:
    v = [counts[(y, c)] for y in years]
    ax.bar(years, v, bottom=base, label=c)
    base = [a + b for a, b in zip(base, v)]
ax.set_title("Attacks per year")
ax.legend()
fig.savefig(out)
