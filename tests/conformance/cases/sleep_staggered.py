import asyncio

async def worker(name, delays):
    loop = asyncio.get_running_loop()
    for d in delays:
        await asyncio.sleep(d)
        print(f"{loop.time():.2f} {name} slept {d}")

async def main():
    await asyncio.gather(
        worker("A", [0.5, 0.5, 1.0]),
        worker("B", [1.0, 0.25]),
        worker("C", [0.75, 0.75]),
    )

asyncio.run(main())
