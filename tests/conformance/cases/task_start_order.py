import asyncio

async def job(n):
    print("start", n)
    await asyncio.sleep(0)
    print("end", n)

async def main():
    tasks = []
    for i in range(3):
        tasks.append(asyncio.create_task(job(i)))
        print("created", i)
    print("main yields")
    await asyncio.sleep(0)
    print("main back")
    for t in tasks:
        await t
    print("all done")

asyncio.run(main())
