# Globals rebound at module level (STORE_NAME) and inside a function with a
# `global` statement (STORE_GLOBAL): the warning names the rebinding line.
import asyncio


async def ping():
    return "pong"


result = ping()
print("made", type(result).__name__)
result = asyncio.run(ping())
print("result:", result)


def reset():
    global cached
    cached = ping()
    cached = None
    print("reset done")


reset()
print("end")
