# A coroutine awaiting itself without end, inside a task.
import asyncio


async def down(n):
    return await down(n + 1)


async def main():
    await down(0)


asyncio.run(main())
