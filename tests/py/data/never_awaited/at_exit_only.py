# Coroutines never started but still referenced when the program ends are
# reported by CPython at shutdown as sys:1, once per name; one that ran
# (here through asyncio.run) is not.
import asyncio


async def fetch():
    return 1


async def store():
    return 2


pending = [fetch(), store(), fetch()]
print(asyncio.run(fetch()))
print(len(pending))
