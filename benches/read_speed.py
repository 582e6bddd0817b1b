#!/usr/bin/env python3
"""trafilatura's side of benches/read_speed.sh: reads every *.html of a directory in this one process, three
times (the pages are read from disk first), and prints the best pass, the slowest page of that pass and the
process's peak memory, as `cargo bench --bench text -- real-pages` does for factcheck.

  python3 benches/read_speed.py DIR
"""
import resource
import sys
import time
from pathlib import Path

import trafilatura

pages = sorted((p.name, p.read_text(encoding="utf8", errors="replace")) for p in Path(sys.argv[1]).glob("*.html"))
size = sum(len(p.encode("utf8")) for _, p in pages)
best, slowest = float("inf"), (0.0, "")
for _ in range(3):
    start = time.perf_counter()
    worst = (0.0, "")
    for name, page in pages:
        one = time.perf_counter()
        trafilatura.extract(page, include_comments=False)
        worst = max(worst, (time.perf_counter() - one, name))
    took = time.perf_counter() - start
    if took < best:
        best, slowest = took, worst
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
print(f"{'trafilatura ' + trafilatura.__version__:<24} {size / 1e6:>8.1f}MB {best:>8.3f}s {peak:>8}MB   "
      f"({len(pages)} pages; slowest {slowest[1]} {slowest[0]:.3f}s)")
