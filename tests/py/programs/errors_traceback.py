# An uncaught exception: traceback on stderr, status 1, stdout kept.
def inner(x):
    return 10 / x

def outer():
    try:
        inner(0)
    except ZeroDivisionError as e:
        raise ValueError("bad input") from e

print("before")
outer()
print("never")
