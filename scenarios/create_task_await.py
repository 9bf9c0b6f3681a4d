# create_task schedules a coroutine to run "soon"; it does not run it.
# The task only starts when main gives up the thread at its first await.
import asyncio


async def greet(name):
    print(f"  {name}: hello from inside the task")
    await asyncio.sleep(0.5)
    print(f"  {name}: done after half a second")
    return f"greeting for {name}"


async def main():
    print("main: creating the task")
    task = asyncio.create_task(greet("Ada"))
    print("main: task created, but it has not started yet")
    result = await task
    print(f"main: the task returned {result!r}")


asyncio.run(main())
