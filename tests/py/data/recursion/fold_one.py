# Four identical entries: three shown, then "repeated 1 more time" (singular).
def f(n):
    if n == 0:
        raise ValueError("bottom")
    f(n - 1)


f(4)
