# Assignment expressions (PEP 572): in a while test around an await, in an
# if test, in displays and call arguments, and in comprehensions, where the
# name binds in the enclosing function or module.
import asyncio


async def producer(q):
    for i in range(3):
        await q.put(i)
    await q.put(None)


async def consumer(q):
    while (item := await q.get()) is not None:
        print("got", item)
    print("done")


def last_of(text):
    letters = [last := ch for ch in text if ch.isalpha()]
    return letters, last


async def main():
    q = asyncio.Queue()
    await asyncio.gather(producer(q), consumer(q))
    data = [1, 2, 3, 4]
    if (n := len(data)) > 3:
        print(f"list is too long ({n} elements, expected <= 3)")
    print([y := 5, y ** 2])
    print([(x, sq) for x in range(4) if (sq := x * x) > 2], sq)
    total = 0
    print([total := total + v for v in data], total)
    print(last_of("a1b2c"))
    print((z := 10), z)
    print(any((w := v) > 2 for v in data), w)
    print(max(data, key=lambda v: (r := v % 3) * 10 + r))


[m := v * 10 for v in range(3)]
print("module", m)
asyncio.run(main())
