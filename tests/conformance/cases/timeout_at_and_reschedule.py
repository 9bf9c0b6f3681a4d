import asyncio

async def main():
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout_at(loop.time() + 2) as cm:
            print("deadline", cm.when())
            await asyncio.sleep(1)
            cm.reschedule(loop.time() + 3)
            print("rescheduled to", cm.when())
            await asyncio.sleep(10)
    except TimeoutError:
        print("expired at", loop.time(), cm.expired())
    async with asyncio.timeout(None) as cm2:
        await asyncio.sleep(2)
        print("no deadline", cm2.when())

asyncio.run(main())
