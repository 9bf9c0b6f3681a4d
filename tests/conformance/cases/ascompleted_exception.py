import asyncio

async def ok(d):
    await asyncio.sleep(d)
    return d

async def bad(d):
    await asyncio.sleep(d)
    raise ValueError(f"failed after {d}")

async def main():
    tasks = [asyncio.create_task(ok(2)), asyncio.create_task(bad(1)), asyncio.create_task(ok(3))]
    for f in asyncio.as_completed(tasks):
        try:
            print("result", await f)
        except ValueError as e:
            print("error", e)

asyncio.run(main())
