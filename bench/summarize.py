#!/usr/bin/env python3
"""Per-kind throughput, p50/p95/p99 and errors from mixed.lua's latency logs.

Usage: summarize.py LOGDIR MIX SECONDS [ceiling_rps]   → a Markdown table on stdout, JSON in LOGDIR/MIX.json
"""
import glob
import json
import re
import sys

logdir, mix, seconds = sys.argv[1], sys.argv[2], float(sys.argv[3])
ceiling = float(sys.argv[4]) if len(sys.argv) > 4 else None
kinds = {}
for path in glob.glob("%s/lat-%s-*.tsv" % (logdir, mix)):
    with open(path) as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) != 3 or not parts[2]:
                continue
            kind, status, micros = parts[0], int(parts[1]), float(parts[2])
            k = kinds.setdefault(kind, {"lat": [], "errors": 0, "statuses": {}})
            k["lat"].append(micros / 1000.0)
            k["statuses"][status] = k["statuses"].get(status, 0) + 1
            if status >= 400 or status == 0:
                k["errors"] += 1


def pct(values, p):
    if not values:
        return 0.0
    i = min(len(values) - 1, max(0, int(round(p / 100.0 * len(values) + 0.5)) - 1))
    return values[i]


rows, everything, errors = [], [], 0
for kind in sorted(kinds):
    lat = sorted(kinds[kind]["lat"])
    everything += lat
    errors += kinds[kind]["errors"]
    rows.append({"kind": kind, "requests": len(lat), "rps": len(lat) / seconds, "p50": pct(lat, 50),
                 "p95": pct(lat, 95), "p99": pct(lat, 99), "errors": kinds[kind]["errors"],
                 "statuses": kinds[kind]["statuses"]})
everything.sort()
# requests that never got a response (timeouts, broken connections) are only in wrk's own summary line
socket_errors = 0
try:
    for line in open("%s/wrk-%s.txt" % (logdir, mix)):
        if line.startswith("wrk: "):
            socket_errors = sum(int(x) for x in re.findall(r"(?:connect|read|write|timeout) (\d+)", line))
except OSError:
    pass
total = {"kind": "all", "requests": len(everything), "rps": len(everything) / seconds, "p50": pct(everything, 50),
         "p95": pct(everything, 95), "p99": pct(everything, 99), "errors": errors + socket_errors,
         "socket_errors": socket_errors}
print("| %s | requests | req/s | p50 ms | p95 ms | p99 ms | errors |" % mix)
print("|---|---:|---:|---:|---:|---:|---:|")
for r in rows + [total]:
    print("| %s | %d | %.1f | %.1f | %.1f | %.1f | %d |"
          % (r["kind"], r["requests"], r["rps"], r["p50"], r["p95"], r["p99"], r["errors"]))
if socket_errors:
    print("\nRequests without a response (wrk: timeouts or socket errors): %d, counted as errors." % socket_errors)
if ceiling:
    print("\nThroughput %.0f req/s = %.0f%% of the ceiling (%.0f req/s)." % (total["rps"], 100 * total["rps"] / ceiling, ceiling))
with open("%s/%s.json" % (logdir, mix), "w") as f:
    json.dump({"mix": mix, "seconds": seconds, "kinds": rows, "total": total}, f, indent=1)
