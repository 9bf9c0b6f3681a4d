import asyncio
import time

async def sync_style(n):
    time.sleep(1)
    print(f"sync {n} done at {time.perf_counter():.1f}")

async def async_style(n):
    await asyncio.sleep(1)
    print(f"async {n} done at {time.perf_counter():.1f}")

async def main():
    start = time.perf_counter()
    await asyncio.gather(*(sync_style(i) for i in range(3)))
    print(f"sync total {time.perf_counter() - start:.1f}")
    start = time.perf_counter()
    await asyncio.gather(*(async_style(i) for i in range(3)))
    print(f"async total {time.perf_counter() - start:.1f}")

asyncio.run(main())
