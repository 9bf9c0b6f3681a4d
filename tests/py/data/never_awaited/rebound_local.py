# A coroutine kept in a local and then overwritten: CPython frees it at the
# store that drops its last reference, and warns at that line. Still held
# elsewhere (a list), it is not reported then.
import asyncio


async def fetch(n):
    return n


class Box:
    pass


async def main():
    data = fetch(1)
    print("forgot to await:", type(data).__name__)
    data = await fetch(2)
    print("with await:", data)
    kept = [fetch(3)]
    item = kept[0]
    item = None
    print("still in the list")
    box = Box()
    box.value = fetch(4)
    box.value = "plain"
    print("attribute rebound")
    slots = [fetch(5), 0]
    slots[0] = 1
    print("list item rebound")
    print(await kept[0])


asyncio.run(main())
