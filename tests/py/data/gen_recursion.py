#!/usr/bin/python3
"""Writes recursion/NAME.out, NAME.err and NAME.rc for each recursion/NAME.py:
the standard output, standard error and exit status of CPython 3.11 running
the program directly (`/usr/bin/python3 NAME.py`). Run with /usr/bin/python3.

Directly, not under the conformance reference runner: that runner's own
frames (its module, main() and exec) sit below the program and take 3 levels
of the recursion limit, so `[Previous line repeated N more times]` would say
an N three smaller than a user running the program sees.

Standard error is kept as CPython wrote it except for three things Loopscope
does not reproduce, so that the test compares everything else byte for byte:
- the absolute path of the program becomes its bare file name;
- the `^^^^` / `~~~^^^` position markers under a source line are dropped;
- the entries of frames in other files (asyncio's runners.py, base_events.py,
  events.py) are dropped with their source line: Loopscope's asyncio is not
  Python code. Their recursion-limit cost is still counted
  (core/py/hidden_frames.h).
"""
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
FOLDER = os.path.join(HERE, "recursion")

MARKERS = re.compile(r"^ +[\^~]+ *$")
ENTRY = re.compile(r'^  File "([^"]*)", line \d+, in ')


def normalise(err, path, name):
    out = []
    lines = err.replace(path, name).split("\n")
    i = 0
    while i < len(lines):
        line = lines[i]
        m = ENTRY.match(line)
        if m and m.group(1) != name:
            i += 1
            # Skip its source line and markers, if any.
            while i < len(lines) and lines[i].startswith("    "):
                i += 1
            continue
        if not MARKERS.match(line):
            out.append(line)
        i += 1
    return "\n".join(out)


for name in sorted(os.listdir(FOLDER)):
    if not name.endswith(".py"):
        continue
    path = os.path.join(FOLDER, name)
    proc = subprocess.run([sys.executable, path], cwd=FOLDER, stdin=subprocess.DEVNULL,
                          capture_output=True, check=False, text=True)
    stem = path[:-3]
    with open(stem + ".out", "w") as f:
        f.write(proc.stdout)
    with open(stem + ".err", "w") as f:
        f.write(normalise(proc.stderr, path, name))
    with open(stem + ".rc", "w") as f:
        f.write(f"{proc.returncode}\n")
