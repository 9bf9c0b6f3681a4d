import asyncio

async def spawner(tg, depth):
    print("depth", depth, "at", asyncio.get_running_loop().time())
    if depth < 3:
        await asyncio.sleep(1)
        tg.create_task(spawner(tg, depth + 1))

async def main():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(spawner(tg, 0))
    print("all spawned tasks done at", asyncio.get_running_loop().time())

asyncio.run(main())
