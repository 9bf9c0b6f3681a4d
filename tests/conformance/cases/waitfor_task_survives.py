import asyncio

async def worker():
    await asyncio.sleep(3)
    return "worker result"

async def main():
    t = asyncio.create_task(worker())
    try:
        await asyncio.wait_for(asyncio.shield(t), timeout=1)
    except asyncio.TimeoutError:
        print("timeout at", asyncio.get_running_loop().time(), "task cancelled?", t.cancelled())
    print(await t, asyncio.get_running_loop().time())

asyncio.run(main())
