import asyncio

async def player(name, rounds):
    for i in range(rounds):
        print(f"{name} {i}")
        await asyncio.sleep(0)
    print(f"{name} done")

async def main():
    await asyncio.gather(player("ping", 3), player("pong", 2), player("pang", 4))

asyncio.run(main())
