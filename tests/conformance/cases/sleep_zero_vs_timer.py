import asyncio

async def spinner():
    for i in range(4):
        print("spin", i, asyncio.get_running_loop().time())
        await asyncio.sleep(0)

async def sleeper():
    await asyncio.sleep(0.001)
    print("sleeper woke", asyncio.get_running_loop().time())

async def main():
    await asyncio.gather(sleeper(), spinner())

asyncio.run(main())
