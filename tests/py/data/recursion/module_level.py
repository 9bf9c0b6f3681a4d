# A runaway recursion at module level: CPython folds the repeated frames.
def f():
    return f()


print("start")
f()
