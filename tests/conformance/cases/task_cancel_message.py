import asyncio

async def worker():
    await asyncio.sleep(10)

async def main():
    t = asyncio.create_task(worker())
    await asyncio.sleep(0)
    t.cancel("stop now")
    try:
        await t
    except asyncio.CancelledError as e:
        print("args:", e.args)
    print(t.cancelled())

asyncio.run(main())
