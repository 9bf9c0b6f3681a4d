# A CPU-bound loop with no await keeps the thread: the ticker starves
# until the computation ends. Awaiting sleep(0) now and then shares it.
import asyncio


async def ticker(loop):
    for i in range(3):
        print(f"{loop.time():.1f}  tick {i}")
        await asyncio.sleep(0)


async def crunch(share):
    total = 0
    for i in range(30000):
        total += i * i
        if share and i % 10000 == 0:
            await asyncio.sleep(0)
    print("crunch done:", total)


async def main():
    loop = asyncio.get_running_loop()
    print("-- greedy")
    await asyncio.gather(crunch(False), ticker(loop))
    print("-- sharing")
    await asyncio.gather(crunch(True), ticker(loop))


asyncio.run(main())
