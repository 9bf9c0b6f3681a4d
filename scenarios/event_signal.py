# An Event wakes every task that waits on it, all at once.
import asyncio


async def runner(name, start):
    print(f"{name} is ready")
    await start.wait()
    print(f"{name} runs!")


async def main():
    start = asyncio.Event()
    tasks = [asyncio.create_task(runner(n, start)) for n in ["Ann", "Ben", "Cy"]]
    await asyncio.sleep(1)
    print("ready... set... go!")
    start.set()
    await asyncio.gather(*tasks)


asyncio.run(main())
