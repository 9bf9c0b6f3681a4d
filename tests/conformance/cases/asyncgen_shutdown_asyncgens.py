# An async generator still open when asyncio.run ends: shutdown_asyncgens()
# closes it, so its finally block runs before asyncio.run returns.
import asyncio


async def ticker(name):
    try:
        n = 0
        while True:
            yield n
            n += 1
    finally:
        print(name, "closed")


async def main():
    t = ticker("kept")
    async for n in t:
        print("tick", n)
        if n == 2:
            break
    print("main done")
    return t


gen = asyncio.run(main())
print("after run")
