# Calling a coroutine function without await creates a coroutine object
# and throws it away: the body never runs.
import asyncio


async def save(record):
    await asyncio.sleep(0.1)
    print(f"saved {record}")


async def main():
    save("first")  # the pitfall: no await
    await save("second")
    print("main is done")


asyncio.run(main())
