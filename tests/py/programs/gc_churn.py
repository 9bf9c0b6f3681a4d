# Allocation churn across awaits: the collector runs at safe points while
# tasks are suspended and frames hold live objects.
import asyncio

class Node:
    def __init__(self, value, next=None):
        self.value = value
        self.next = next

def build(n):
    head = None
    for i in range(n):
        head = Node(i, head)
    return head

async def worker(name, rounds):
    total = 0
    keep = build(100)
    for r in range(rounds):
        data = [str(i) * 3 for i in range(2000)]
        d = {s: len(s) for s in data}
        total += len(d) + keep.value
        await asyncio.sleep(0)
    return name, total

async def main():
    results = await asyncio.gather(*(worker(f"w{i}", 40) for i in range(4)))
    print(results)
    node = build(50000)
    count = 0
    while node:
        count += 1
        node = node.next
    print(count)

asyncio.run(main())
