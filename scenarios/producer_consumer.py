# A producer and a consumer connected by an asyncio.Queue.
# The producer makes an item every second; the consumer needs two seconds
# per item, so items pile up in the queue. None tells the consumer to stop.
import asyncio


async def producer(queue):
    loop = asyncio.get_running_loop()
    for i in range(4):
        item = f"item-{i}"
        await queue.put(item)
        print(f"{loop.time():4.1f}  produced {item}  (queue size {queue.qsize()})")
        await asyncio.sleep(1)
    await queue.put(None)


async def consumer(queue):
    loop = asyncio.get_running_loop()
    while True:
        item = await queue.get()
        if item is None:
            break
        print(f"{loop.time():4.1f}  consumed {item}")
        await asyncio.sleep(2)


async def main():
    queue = asyncio.Queue()
    await asyncio.gather(producer(queue), consumer(queue))
    print("both finished")


asyncio.run(main())
