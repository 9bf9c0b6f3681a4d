import asyncio

async def main():
    loop = asyncio.get_running_loop()
    log = []
    loop.call_later(3, log.append, "c3")
    loop.call_later(1, log.append, "a1")
    loop.call_later(2, log.append, "b2")
    loop.call_later(1, log.append, "a1-second")
    loop.call_at(2, log.append, "b2-at")
    h = loop.call_later(1.5, log.append, "cancelled")
    h.cancel()
    await asyncio.sleep(4)
    print(log)

asyncio.run(main())
