import asyncio

async def quick(x):
    await asyncio.sleep(1)
    print("quick task:", asyncio.current_task().get_name())
    return x + 1

async def main():
    r = await asyncio.wait_for(quick(41), timeout=5)
    print(r, asyncio.get_running_loop().time())
    r = await asyncio.wait_for(quick(1), timeout=None)
    print(r, asyncio.get_running_loop().time())

asyncio.run(main())
