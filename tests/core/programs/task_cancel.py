# Task names, start order, cancellation before start / while waiting /
# suppressed, cancel messages, cancelling()/uncancel(), and the tasks that
# asyncio.run cancels at the end.
import asyncio


async def sleeper(name, d):
    try:
        print(f"{name} start")
        await asyncio.sleep(d)
        print(f"{name} woke")
        return name
    except asyncio.CancelledError as e:
        print(f"{name} cancelled ({e})")
        raise
    finally:
        print(f"{name} finally")


async def stubborn():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("stubborn ignores cancel")
    await asyncio.sleep(1)
    return "stubborn done"


async def forever():
    try:
        await asyncio.sleep(100)
    finally:
        print("forever finally")


async def main():
    print(asyncio.current_task().get_name())
    t1 = asyncio.create_task(sleeper("a", 1))
    t2 = asyncio.create_task(sleeper("b", 2))
    t3 = asyncio.create_task(sleeper("never", 1))
    print(t1.get_name(), t2.get_name(), t3.get_name())
    t3.cancel()
    print("t3 cancelling", t3.cancelling())
    await asyncio.sleep(0.5)
    print("t2.cancel", t2.cancel("stop it"), t2.cancelling())
    print("t2.cancel again", t2.cancel(), t2.cancelling())
    print("uncancel", t2.uncancel())
    r = await t1
    print("t1 ->", r)
    try:
        await t2
    except asyncio.CancelledError as e:
        print(f"awaiting t2 raised CancelledError({e})")
    try:
        await t3
    except asyncio.CancelledError as e:
        print(f"awaiting t3 raised CancelledError({e})")
    print("cancelled?", t1.cancelled(), t2.cancelled(), t3.cancelled())
    s = asyncio.create_task(stubborn())
    await asyncio.sleep(0.5)
    s.cancel()
    print("stubborn ->", await s, s.cancelled())
    asyncio.create_task(forever())
    await asyncio.sleep(0)
    print("tasks", len(asyncio.all_tasks()))
    print(f"main ends at {asyncio.get_running_loop().time()}")


asyncio.run(main())
print("after run")
