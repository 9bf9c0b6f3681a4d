# A runaway (synchronous) recursion inside asyncio.run's task: asyncio's own
# frames below the task count against the limit too.
import asyncio


def f():
    return f()


async def main():
    print("in main")
    f()


asyncio.run(main())
