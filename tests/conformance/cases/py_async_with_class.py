import asyncio

class Resource:
    def __init__(self, name):
        self.name = name

    async def __aenter__(self):
        print("open", self.name, asyncio.get_running_loop().time())
        await asyncio.sleep(1)
        return self

    async def __aexit__(self, exc_type, exc, tb):
        print("close", self.name, "exc:", exc_type.__name__ if exc_type else None)
        await asyncio.sleep(0.5)
        return exc_type is KeyError

async def main():
    async with Resource("db") as r:
        print("using", r.name, asyncio.get_running_loop().time())
    async with Resource("cache"):
        raise KeyError("suppressed")
    print("after suppressed error", asyncio.get_running_loop().time())
    try:
        async with Resource("file"):
            raise ValueError("propagates")
    except ValueError as e:
        print("caught", e)

asyncio.run(main())
