# Two tasks update a shared balance with an await between reading and
# writing. Without a lock one update is lost; with a lock both count.
import asyncio

balance = 0


async def deposit_unsafe(amount):
    global balance
    current = balance
    await asyncio.sleep(0.1)  # e.g. talk to a database
    balance = current + amount


async def deposit_safe(lock, amount):
    global balance
    async with lock:
        current = balance
        await asyncio.sleep(0.1)
        balance = current + amount


async def main():
    global balance
    await asyncio.gather(deposit_unsafe(50), deposit_unsafe(70))
    print("without a lock:", balance)
    balance = 0
    lock = asyncio.Lock()
    await asyncio.gather(deposit_safe(lock, 50), deposit_safe(lock, 70))
    print("with a lock:   ", balance)


asyncio.run(main())
