# except* splitting an ExceptionGroup.
try:
    raise ExceptionGroup("many", [ValueError("a"), KeyError("b"), ValueError("c")])
except* ValueError as eg:
    print("values:", eg.exceptions)
except* KeyError as eg:
    print("keys:", eg.exceptions)
try:
    try:
        raise TypeError("plain")
    except* TypeError as eg:
        print("wrapped:", type(eg).__name__, eg.exceptions)
except Exception as e:
    print("not reached", e)
