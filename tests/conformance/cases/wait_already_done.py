import asyncio

async def instant():
    return "now"

async def ticker():
    for i in range(4):
        print("tick", i)
        await asyncio.sleep(0)

async def main():
    t = asyncio.create_task(instant())
    await t
    tick = asyncio.create_task(ticker())
    await asyncio.sleep(0)
    print("wait on done task")
    done, pending = await asyncio.wait([t])
    print("wait returned", len(done), len(pending))
    await tick

asyncio.run(main())
