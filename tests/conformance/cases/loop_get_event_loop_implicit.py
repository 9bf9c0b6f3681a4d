import asyncio

async def greet(name, d):
    await asyncio.sleep(d)
    print("hello", name, asyncio.get_event_loop().time())

loop = asyncio.get_event_loop()
loop.run_until_complete(asyncio.gather(greet("a", 2), greet("b", 1)))
print(loop is asyncio.get_event_loop())
loop.close()
