# A RecursionError caught inside a task: the program carries on normally.
import asyncio


def count(n):
    return count(n + 1)


async def main():
    try:
        count(0)
    except RecursionError as e:
        print("caught:", e)
    try:
        count(0)
    except RuntimeError as e:
        print("as RuntimeError:", type(e).__name__)
    return "done"


print(asyncio.run(main()))
