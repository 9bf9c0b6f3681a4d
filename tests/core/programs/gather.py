# gather: results in argument order whatever the completion order, loop
# iteration latency, return_exceptions, the first error, outer cancellation.
import asyncio


async def work(name, d, fail=False):
    print(f"{name} start")
    await asyncio.sleep(d)
    if fail:
        print(f"{name} fails")
        raise ValueError(name)
    print(f"{name} end")
    return name


async def ticker(n):
    for i in range(n):
        print(f"tick {i}")
        await asyncio.sleep(0)


async def quick():
    print("quick runs")
    return "q"


async def main():
    loop = asyncio.get_running_loop()
    r = await asyncio.gather(work("a", 0.3), work("b", 0.1), work("c", 0.2))
    print("results", r, loop.time())
    asyncio.create_task(ticker(5))
    r = await asyncio.gather(quick())
    print("latency", r)
    r = await asyncio.gather(work("d", 0.1, True), work("e", 0.2), return_exceptions=True)
    print("with exceptions", [type(x).__name__ if isinstance(x, Exception) else x for x in r])
    try:
        await asyncio.gather(work("f", 0.1, True), work("g", 0.2))
    except ValueError as e:
        print("first error", e, loop.time())
    await asyncio.sleep(0.2)
    outer = asyncio.gather(work("h", 1), work("i", 1))
    await asyncio.sleep(0.5)
    outer.cancel()
    try:
        await outer
    except asyncio.CancelledError:
        print("outer cancelled", loop.time())
    print("empty", await asyncio.gather())


asyncio.run(main())
