# asyncio's own coroutines made before any loop runs: asyncio.sleep and
# asyncio.wait_for are `async def` in CPython, so they look the running loop
# up only when asyncio.run steps them.
import asyncio

print(asyncio.run(asyncio.sleep(1, "slept")))
print(asyncio.run(asyncio.sleep(0, "zero")))
print(asyncio.run(asyncio.wait_for(asyncio.sleep(1, "in time"), 2)))

try:
    asyncio.run(asyncio.wait_for(asyncio.sleep(5), 1))
except TimeoutError:
    print("timed out")

pending = asyncio.sleep(2, "made early")
print("not started yet")


async def main():
    print("main starts")
    return await pending


print(asyncio.run(main()))

try:
    asyncio.run(asyncio.sleep(1))
    asyncio.run(asyncio.sleep(1))
    print("two runs")
except RuntimeError as e:
    print("RuntimeError", e)
