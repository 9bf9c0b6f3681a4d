# gather returns results in argument order; as_completed yields them in
# the order they finish.
import asyncio


async def work(name, seconds):
    await asyncio.sleep(seconds)
    return f"{name} ({seconds} s)"


async def main():
    jobs = [("slow", 3), ("quick", 1), ("medium", 2)]
    print("gather:", await asyncio.gather(*(work(n, s) for n, s in jobs)))
    print("as_completed:")
    for next_done in asyncio.as_completed([work(n, s) for n, s in jobs]):
        print("  ", await next_done)


asyncio.run(main())
