# A coroutine awaiting itself without end: RecursionError reaches the task
# that awaits it, which can catch it and still return a result.
import asyncio

depth = 0


async def down(n):
    global depth
    depth = n
    return await down(n + 1)


async def guarded():
    try:
        await down(0)
    except RecursionError as e:
        print("caught:", e)
        return "recovered"


async def main():
    first = await guarded()
    reached = depth
    second = await asyncio.create_task(guarded())
    print(first, second, depth - reached)


asyncio.run(main())
