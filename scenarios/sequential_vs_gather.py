# Three one-second jobs, first awaited one after another, then together.
# Awaiting a coroutine directly runs it to the end before the next line;
# gather lets all three wait at the same time.
import asyncio


async def job(name):
    await asyncio.sleep(1)
    return name


async def main():
    loop = asyncio.get_running_loop()

    start = loop.time()
    for name in ["a", "b", "c"]:
        await job(name)
    print(f"sequential: {loop.time() - start:.1f} s")

    start = loop.time()
    results = await asyncio.gather(job("a"), job("b"), job("c"))
    print(f"gather:     {loop.time() - start:.1f} s -> {results}")


asyncio.run(main())
