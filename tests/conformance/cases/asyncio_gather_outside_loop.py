# gather() outside a running loop uses get_event_loop(): before any
# asyncio.run that makes the current loop; asyncio.run wants a coroutine,
# not gather's future; after asyncio.run there is no current loop.
import asyncio


async def work(n):
    await asyncio.sleep(n)
    return n * 10


group = asyncio.gather(work(1), asyncio.sleep(2, "s"), work(3))
loop = asyncio.get_event_loop()
print(loop.run_until_complete(group))

try:
    asyncio.run(asyncio.gather(asyncio.sleep(1)))
except ValueError as e:
    print("ValueError:", e)

print(asyncio.run(work(2)))

try:
    asyncio.gather(asyncio.sleep(1))
except RuntimeError as e:
    print("RuntimeError:", e)

try:
    asyncio.get_event_loop()
except RuntimeError as e:
    print("RuntimeError:", e)
