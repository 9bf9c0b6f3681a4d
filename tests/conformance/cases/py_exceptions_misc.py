try:
    assert 1 + 1 == 3, "math is broken"
except AssertionError as e:
    print("AssertionError:", e)

def f():
    try:
        return "try"
    finally:
        print("finally before return")
print(f())
try:
    int("abc")
except (TypeError, ValueError) as e:
    print(type(e).__name__, e)
print(repr(ValueError("x")), str(KeyError("k")), ValueError("a", 1).args)
