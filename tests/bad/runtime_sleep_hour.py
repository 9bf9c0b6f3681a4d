# A server that sleeps for an hour finishes in an instant of wall time.
import asyncio
import time


async def serve():
    print("serving at", time.monotonic())
    await asyncio.sleep(3600)
    print("shut down at", time.monotonic())


asyncio.run(serve())
