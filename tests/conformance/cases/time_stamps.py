import asyncio
import time

async def main():
    loop = asyncio.get_running_loop()
    t0 = time.time()
    m0 = time.monotonic()
    p0 = time.perf_counter()
    print(t0, m0, p0, loop.time())
    await asyncio.sleep(2.5)
    print(time.time() - t0, time.monotonic() - m0, time.perf_counter() - p0)
    print(f"elapsed {time.perf_counter() - p0:.3f} s")

asyncio.run(main())
