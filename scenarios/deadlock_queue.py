# A consumer waits on a queue that nobody will ever fill. Real Python
# would hang here forever; Loopscope stops and says who waits on what.
import asyncio


async def consumer(queue):
    print("consumer: waiting for an item")
    item = await queue.get()
    print("consumer: got", item)


async def main():
    queue = asyncio.Queue()
    await consumer(queue)


asyncio.run(main())
