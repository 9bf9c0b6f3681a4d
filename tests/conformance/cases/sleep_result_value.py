import asyncio

async def main():
    v = await asyncio.sleep(1, result="payload")
    print(v)
    w = await asyncio.sleep(0, result=[1, 2])
    print(w)
    print(await asyncio.sleep(0.5))

asyncio.run(main())
