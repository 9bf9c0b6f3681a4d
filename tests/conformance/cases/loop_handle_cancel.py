import asyncio

async def main():
    loop = asyncio.get_running_loop()
    h1 = loop.call_later(1, print, "timer 1")
    h2 = loop.call_later(2, print, "timer 2 (cancelled)")
    h3 = loop.call_soon(print, "soon (cancelled)")
    h4 = loop.call_soon(print, "soon kept")
    h2.cancel()
    h3.cancel()
    print("cancelled?", h1.cancelled(), h2.cancelled(), h3.cancelled(), h4.cancelled())
    print("when:", h1.when())
    await asyncio.sleep(3)
    print("done at", loop.time())

asyncio.run(main())
