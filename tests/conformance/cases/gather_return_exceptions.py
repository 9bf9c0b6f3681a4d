import asyncio

async def ok(x):
    await asyncio.sleep(x)
    return x

async def bad(x):
    await asyncio.sleep(x)
    raise ValueError(f"bad {x}")

async def main():
    results = await asyncio.gather(ok(1), bad(2), ok(3), bad(0.5), return_exceptions=True)
    for r in results:
        print(type(r).__name__, r)
    print(asyncio.get_running_loop().time())

asyncio.run(main())
