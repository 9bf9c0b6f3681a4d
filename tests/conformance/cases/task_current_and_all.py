import asyncio

async def idle(d):
    await asyncio.sleep(d)

async def main():
    me = asyncio.current_task()
    ts = [asyncio.create_task(idle(i + 1), name=f"idle{i}") for i in range(3)]
    names = sorted(t.get_name() for t in asyncio.all_tasks())
    print(names)
    print(me in asyncio.all_tasks())
    await asyncio.sleep(1.5)
    names = sorted(t.get_name() for t in asyncio.all_tasks())
    print(names)
    await asyncio.gather(*ts)
    print(len(asyncio.all_tasks()))

asyncio.run(main())
print(asyncio.current_task is not None)
