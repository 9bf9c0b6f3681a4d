import asyncio

async def compute(x):
    await asyncio.sleep(1)
    return x * 2

loop = asyncio.new_event_loop()
print(loop.time())
r = loop.run_until_complete(compute(21))
print(r, loop.time())
t = loop.create_task(compute(5))
print(t.get_name())
print(loop.run_until_complete(t), loop.time())
loop.close()
print(loop.is_closed())
