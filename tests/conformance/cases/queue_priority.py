import asyncio

async def main():
    q = asyncio.PriorityQueue()
    for item in [(3, "low"), (1, "urgent"), (2, "normal"), (1, "also urgent")]:
        await q.put(item)
    while not q.empty():
        prio, name = await q.get()
        print(prio, name)

asyncio.run(main())
