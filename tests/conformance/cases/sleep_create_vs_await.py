import asyncio

async def say(msg):
    print(msg)

async def main():
    t = asyncio.create_task(say("task: runs at the next iteration"))
    await say("awaited coroutine: runs inline, now")
    print("main continues before the task")
    await asyncio.sleep(0)
    print("main after sleep(0)")
    await t

asyncio.run(main())
