def risky(n):
    if n == 0:
        raise ValueError("zero")
    if n == 1:
        return 1 / 0
    return n

for n in [0, 1, 2]:
    try:
        r = risky(n)
    except ValueError as e:
        print("ValueError:", e)
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)
    else:
        print("ok", r)
    finally:
        print("finally", n)

class AppError(Exception):
    pass

try:
    try:
        {}["k"]
    except KeyError as e:
        raise AppError("lookup failed") from e
except AppError as e:
    print(type(e).__name__, e, "cause:", repr(e.__cause__))
