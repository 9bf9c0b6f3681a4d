#!/usr/bin/python3
"""CTest driver for one conformance case.

usage: check_case.py LOOPSCOPE_BINARY CASE.py EXPECTED_OUT EXPECTED_RC

Runs `LOOPSCOPE_BINARY run CASE.py` (60 s timeout), compares its standard
output byte for byte with EXPECTED_OUT and its exit status with the number
in EXPECTED_RC.  Exit 0 on a match; otherwise prints a unified diff and the
program's standard error and exits 1.
"""

import difflib
import subprocess
import sys

TIMEOUT = 60


def main(argv):
    if len(argv) != 5:
        print(__doc__, file=sys.stderr)
        return 2
    binary, case, out_path, rc_path = argv[1:]
    with open(out_path, "rb") as f:
        want_out = f.read()
    with open(rc_path) as f:
        want_rc = int(f.read().strip())
    try:
        proc = subprocess.run([binary, "run", case], stdin=subprocess.DEVNULL,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              timeout=TIMEOUT)
    except subprocess.TimeoutExpired as e:
        print(f"FAIL: `{binary} run {case}` did not finish in {TIMEOUT} s")
        if e.stderr:
            print("--- stderr ---")
            print(e.stderr.decode("utf-8", "replace"))
        return 1
    except OSError as e:
        print(f"FAIL: cannot run {binary}: {e}")
        return 1
    ok = True
    if proc.stdout != want_out:
        ok = False
        print(f"FAIL: standard output differs from {out_path}")
        diff = difflib.unified_diff(
            want_out.decode("utf-8", "replace").splitlines(True),
            proc.stdout.decode("utf-8", "replace").splitlines(True),
            fromfile="expected (CPython reference)", tofile="loopscope run")
        for line in diff:
            sys.stdout.write(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    if proc.returncode != want_rc:
        ok = False
        print(f"FAIL: exit status {proc.returncode}, expected {want_rc}")
    if not ok:
        print("--- stderr of loopscope run ---")
        sys.stdout.write(proc.stderr.decode("utf-8", "replace"))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
