import asyncio

async def main():
    loop = asyncio.get_running_loop()
    await asyncio.sleep(1)
    now = loop.time()
    loop.call_at(now + 5e-10, print, "within resolution: due now")
    loop.call_at(now + 2e-9, print, "just past resolution: clock moves")
    loop.call_soon(print, "soon")
    await asyncio.sleep(0)
    print("after one iteration, clock moved by", loop.time() - now)
    await asyncio.sleep(0)
    print("after two iterations, clock moved by", loop.time() - now)
    await asyncio.sleep(1e-8)
    print("end: clock moved by", loop.time() - now)

asyncio.run(main())
