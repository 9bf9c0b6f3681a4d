# Under a raised recursion limit the traceback is cut to its newest 1000
# entries, as CPython prints it (<module> is among those cut).
import sys

sys.setrecursionlimit(2500)


def f():
    f()


f()
