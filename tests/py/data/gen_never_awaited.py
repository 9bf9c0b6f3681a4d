#!/usr/bin/python3
"""Writes never_awaited/NAME.err and NAME.log for each never_awaited/NAME.py:
what CPython 3.11 prints on standard error, and standard output and error
interleaved as they were written (unbuffered, one pipe), when the program
runs under the conformance reference runner (virtual clock), named by its
bare file name as Loopscope's tests do. Run with /usr/bin/python3.
"""
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
FOLDER = os.path.join(HERE, "never_awaited")
REFERENCE = os.path.join(HERE, "..", "..", "conformance", "reference.py")


def run(name, merged):
    proc = subprocess.run([sys.executable, "-u", REFERENCE, name], cwd=FOLDER, stdin=subprocess.DEVNULL,
                          stdout=subprocess.PIPE if merged else subprocess.DEVNULL,
                          stderr=subprocess.STDOUT if merged else subprocess.PIPE, check=False)
    return proc.stdout if merged else proc.stderr


for name in sorted(os.listdir(FOLDER)):
    if name.endswith(".py"):
        stem = os.path.join(FOLDER, name[:-3])
        with open(stem + ".err", "wb") as f:
            f.write(run(name, False))
        with open(stem + ".log", "wb") as f:
            f.write(run(name, True))
