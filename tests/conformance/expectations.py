"""Shared code of `regenerate` and `verify-expectations`.

Runs reference.py (always with /usr/bin/python3) over every conformance
case and every tutorial program, in parallel.
"""

import concurrent.futures
import os
import subprocess
import sys

PYTHON = "/usr/bin/python3"
HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
REFERENCE = os.path.join(HERE, "reference.py")
CASES = os.path.join(HERE, "cases")
TUTORIAL_EXPECTATIONS = os.path.join(CASES, "tutorials")
TUTORIALS = os.path.normpath(os.path.join(REPO, "..", "shared", "tutorials"))
SCENARIOS = os.path.join(REPO, "scenarios")
SCENARIO_EXPECTATIONS = os.path.join(CASES, "scenarios")
TIMEOUT = 30


def all_programs():
    """[(display name, program path, expectation path without suffix)]"""
    out = []
    for name in sorted(os.listdir(CASES)):
        if name.endswith(".py"):
            stem = name[:-3]
            out.append((stem, os.path.join(CASES, name),
                        os.path.join(CASES, stem)))
    # The app's lesson scenarios must run identically in CPython too.
    for name in sorted(os.listdir(SCENARIOS)):
        if name.endswith(".py"):
            stem = name[:-3]
            out.append(("scenario_" + stem, os.path.join(SCENARIOS, name),
                        os.path.join(SCENARIO_EXPECTATIONS, stem)))
    if os.path.isdir(TUTORIALS):
        for name in sorted(os.listdir(TUTORIALS)):
            if name.endswith(".py"):
                stem = name[:-3]
                out.append(("tut_" + stem, os.path.join(TUTORIALS, name),
                            os.path.join(TUTORIAL_EXPECTATIONS, stem)))
    else:
        print(f"note: {TUTORIALS} not found; tutorial programs skipped",
              file=sys.stderr)
    return out


def run_reference(program):
    """(stdout bytes, exit status, stderr text) of reference.py on program."""
    try:
        proc = subprocess.run([PYTHON, REFERENCE, program],
                              stdin=subprocess.DEVNULL,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        return None, None, f"timed out after {TIMEOUT} s"
    return proc.stdout, proc.returncode, proc.stderr.decode("utf-8", "replace")


def run_all(programs):
    workers = max(2, min(16, (os.cpu_count() or 2)))
    with concurrent.futures.ThreadPoolExecutor(workers) as pool:
        results = list(pool.map(lambda p: run_reference(p[1]), programs))
    return list(zip(programs, results))
