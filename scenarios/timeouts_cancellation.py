# Timeouts are cancellations: wait_for and asyncio.timeout cancel the
# awaited work when time is up, and `finally` blocks still run.
import asyncio


async def slow_download(name):
    try:
        print(f"{name}: downloading")
        await asyncio.sleep(5)
        return "data"
    except asyncio.CancelledError:
        print(f"{name}: cancelled while downloading")
        raise
    finally:
        print(f"{name}: closing the connection")


async def main():
    loop = asyncio.get_running_loop()
    try:
        await asyncio.wait_for(slow_download("wait_for"), timeout=1)
    except TimeoutError:
        print(f"{loop.time():.1f}: wait_for gave up")

    try:
        async with asyncio.timeout(2):
            await slow_download("timeout")
    except TimeoutError:
        print(f"{loop.time():.1f}: asyncio.timeout gave up")


asyncio.run(main())
