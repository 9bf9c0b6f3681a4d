# expect-loopscope
# Attributes CPython has and Loopscope's subset lacks raise NotImplementedError
# naming the feature (contract section 1), not an AttributeError that says the
# program is wrong; a name CPython lacks too is still an AttributeError.
import math

for reach in (lambda: "ABC".casefold(), lambda: math.comb(5, 2), lambda: str.maketrans("a", "b"),
              lambda: "x".no_such_method, lambda: math.no_such_function):
    try:
        reach()
    except Exception as e:
        print(f"{type(e).__name__}: {e}")
print("ABC".casefold())
