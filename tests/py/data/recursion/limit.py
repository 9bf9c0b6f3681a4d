# sys.setrecursionlimit moves the depth at which RecursionError is raised,
# at module level and inside a task alike.
import asyncio
import sys

n = 0


def f():
    global n
    n += 1
    f()


def probe(tag):
    global n
    n = 0
    try:
        f()
    except RecursionError as e:
        print(tag, n, e)


async def main():
    probe("task")


print(sys.getrecursionlimit())
sys.setrecursionlimit(100)
print(sys.getrecursionlimit())
probe("module")
asyncio.run(main())
sys.setrecursionlimit(2500)
probe("module")
asyncio.run(main())
