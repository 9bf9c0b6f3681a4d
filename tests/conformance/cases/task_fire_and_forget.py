import asyncio

async def background(n):
    for i in range(n):
        print("background", i)
        await asyncio.sleep(1)

async def main():
    asyncio.create_task(background(2))
    await asyncio.sleep(3)
    print("main done at", asyncio.get_running_loop().time())

asyncio.run(main())
