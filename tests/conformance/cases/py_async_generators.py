import asyncio

async def ticks(n, delay):
    for i in range(n):
        await asyncio.sleep(delay)
        yield i, asyncio.get_running_loop().time()

async def main():
    async for i, t in ticks(3, 0.5):
        print("tick", i, t)
    squares = [i * i async for i, t in ticks(4, 0.25)]
    print(squares, asyncio.get_running_loop().time())
    evens = [i async for i, t in ticks(6, 0) if i % 2 == 0]
    print(evens)
    gen = ticks(2, 1)
    print(await gen.__anext__())
    print(await anext(gen))
    try:
        await anext(gen)
    except StopAsyncIteration:
        print("exhausted at", asyncio.get_running_loop().time())

asyncio.run(main())
