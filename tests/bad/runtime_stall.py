# expect-loopscope budgets: stall=1000
# Two tasks that only ever await sleep(0): the clock can never reach main's timer.
import asyncio


async def busy(name):
    while True:
        await asyncio.sleep(0)


async def main():
    asyncio.create_task(busy("a"))
    asyncio.create_task(busy("b"))
    print("waiting one second")
    await asyncio.sleep(1)
    print("never printed")


asyncio.run(main())
