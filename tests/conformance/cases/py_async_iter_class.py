import asyncio

class Ticker:
    def __init__(self, n):
        self.i = 0
        self.n = n

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        await asyncio.sleep(0.1)
        self.i += 1
        return self.i

async def main():
    async for v in Ticker(3):
        print(v, round(asyncio.get_running_loop().time(), 2))
    print([v async for v in Ticker(2)])

asyncio.run(main())
