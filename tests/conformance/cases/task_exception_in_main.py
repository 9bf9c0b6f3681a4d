import asyncio

async def broken():
    await asyncio.sleep(1)
    raise RuntimeError("task failed at t=1")

async def main():
    t = asyncio.create_task(broken())
    print("waiting")
    await t
    print("not reached")

asyncio.run(main())
