#!/usr/bin/env python3
"""Where the CPU went: aggregates the execution samples of a Java Flight Recorder file (bench/run.sh --profile).

Usage: jfr-top.py RECORDING.jfr [--from HH:MM:SS] [--to HH:MM:SS] [--under REGEX] [--top N]
  self:      the frames that were running (top of the stack)
  inclusive: the frames of the application (vn.dvk) and of the libraries anywhere on the stack
  --under:   only the samples with a frame matching REGEX, and which application frame led there
Reads the samples with the `jfr` tool of the JDK that runs it ($JFR, default: jfr on the PATH).
"""
import collections
import os
import re
import subprocess
import sys

args = sys.argv[1:]
path = args.pop(0)
opts = {"--from": None, "--to": None, "--under": None, "--top": "25"}
while args:
    k = args.pop(0)
    opts[k] = args.pop(0)
top = int(opts["--top"])
under = re.compile(opts["--under"]) if opts["--under"] else None
jfr = os.environ.get("JFR", "jfr")
text = subprocess.run([jfr, "print", "--events", "jdk.ExecutionSample", "--stack-depth", "96", path],
                      capture_output=True, text=True, check=True).stdout

selfc, incl, app_first, origins = (collections.Counter() for _ in range(4))
n = 0
for block in text.split("jdk.ExecutionSample {")[1:]:
    m = re.search(r"startTime = (\d\d:\d\d:\d\d)", block)
    t = m.group(1) if m else ""
    if (opts["--from"] and t < opts["--from"]) or (opts["--to"] and t > opts["--to"]):
        continue
    frames = [re.sub(r"\s+line:.*$", "", f.strip()) for f in
              block.split("stackTrace = [", 1)[-1].split("]\n", 1)[0].strip().splitlines()]
    frames = [f for f in frames if f and f != "..."]
    if not frames:
        continue
    if under and not any(under.search(f) for f in frames):
        continue
    n += 1
    selfc[frames[0]] += 1
    seen = set()
    for f in frames:
        key = re.sub(r"\(.*$", "", f)
        if key not in seen:
            seen.add(key)
            incl[key] += 1
    dvk = [f for f in frames if f.startswith("vn.dvk.")]
    if dvk:
        app_first[re.sub(r"\(.*$", "", dvk[0])] += 1
    if under:
        i = next(i for i, f in enumerate(frames) if under.search(f))
        caller = next((f for f in frames[i:] if not re.match(r"(java|jdk|sun|org\.springframework\.boot\.loader)\.", f)), "?")
        origins[re.sub(r"\(.*$", "", caller)] += 1


def show(title, counter, limit=top):
    print("\n## %s (of %d samples)\n" % (title, n))
    for k, v in counter.most_common(limit):
        print("%6d %5.1f%%  %s" % (v, 100.0 * v / max(n, 1), k))


show("self", selfc)
show("inclusive, application (vn.dvk)", collections.Counter({k: v for k, v in incl.items() if k.startswith("vn.dvk.")}))
show("inclusive, everything", incl, top * 2)
if under:
    show("first caller outside the JDK of the frames matching " + opts["--under"], origins)
