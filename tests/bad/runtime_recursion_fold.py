# A recursion 50 calls deep that fails at the bottom: the traceback folds the
# identical entries, as CPython prints it.
def descend(n):
    if n == 0:
        raise ValueError("reached the bottom")
    descend(n - 1)


print("descending")
descend(50)
