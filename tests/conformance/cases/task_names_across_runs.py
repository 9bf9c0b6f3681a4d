import asyncio

async def child():
    await asyncio.sleep(0)
    return asyncio.current_task().get_name()

async def main():
    me = asyncio.current_task().get_name()
    kids = await asyncio.gather(child(), child())
    return me, kids

print(asyncio.run(main()))
print(asyncio.run(main()))
loop = asyncio.new_event_loop()
print(loop.run_until_complete(main()))
loop.close()
