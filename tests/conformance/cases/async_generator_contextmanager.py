# An exception inside 'async with' reaches an @asynccontextmanager generator
# through athrow(): handled there it is swallowed, otherwise it passes on.
import asyncio
from contextlib import asynccontextmanager


@asynccontextmanager
async def connection(name):
    print("open", name)
    try:
        yield name.upper()
    except KeyError as e:
        print("handled inside", repr(e))
    finally:
        await asyncio.sleep(0.1)
        print("close", name)


async def main():
    async with connection("a") as c:
        print("using", c)
    async with connection("b") as c:
        raise KeyError("swallowed")
    print("after b")
    try:
        async with connection("c") as c:
            raise ValueError("passes")
    except ValueError as e:
        print("caught outside", repr(e))


asyncio.run(main())
