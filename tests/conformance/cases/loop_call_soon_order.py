import asyncio

def cb(name, loop):
    print(f"{loop.time():.2f} {name}")

async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(cb, "soon-1", loop)
    loop.call_later(0, cb, "later-0", loop)
    loop.call_soon(cb, "soon-2", loop)
    loop.call_at(loop.time(), cb, "at-now", loop)
    print("main before sleep(0)")
    await asyncio.sleep(0)
    print("main after sleep(0)")
    await asyncio.sleep(0)
    print("main after second sleep(0)")

asyncio.run(main())
