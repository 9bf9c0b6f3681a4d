# Dropped coroutines: the warning names the line of the statement that drops
# it (the first line of a multi-line call), once per line and name.
import asyncio


async def work(n):
    return n


async def other():
    pass


def helper():
    return work(4)


async def main():
    work(
        2)
    for i in range(3):
        work(i)
    other()
    asyncio.sleep(1)
    await work(5)
    print("end main")


asyncio.run(main())
kept = helper()
also = other()
more = work(6)
print("before end")
