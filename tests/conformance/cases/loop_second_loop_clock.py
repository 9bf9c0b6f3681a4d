import asyncio

async def nap(d):
    await asyncio.sleep(d)
    return asyncio.get_running_loop().time()

print(asyncio.run(nap(2)))
print(asyncio.run(nap(3)))
loop = asyncio.new_event_loop()
print(loop.time())
print(loop.run_until_complete(nap(0.5)))
loop.close()
