# asyncio.wait with FIRST_COMPLETED returns as soon as one task is done;
# the others keep running until we decide what to do with them.
import asyncio


async def racer(name, seconds):
    await asyncio.sleep(seconds)
    return name


async def main():
    tasks = [
        asyncio.create_task(racer("tortoise", 3)),
        asyncio.create_task(racer("hare", 1)),
        asyncio.create_task(racer("snail", 5)),
    ]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    print("winner:", [t.result() for t in done])
    print("still running:", len(pending))
    for t in pending:
        t.cancel()
    await asyncio.gather(*pending, return_exceptions=True)
    print("cancelled:", sorted(t.get_name() for t in tasks if t.cancelled()))


asyncio.run(main())
