# A TaskGroup waits for all its tasks; when one fails, it cancels the
# others and raises an ExceptionGroup with the failure.
import asyncio


async def step(name, seconds, fail=False):
    try:
        await asyncio.sleep(seconds)
        if fail:
            raise ValueError(f"{name} broke")
        print(f"{name} finished")
    except asyncio.CancelledError:
        print(f"{name} was cancelled")
        raise


async def main():
    try:
        async with asyncio.TaskGroup() as group:
            group.create_task(step("quick", 1))
            group.create_task(step("faulty", 2, fail=True))
            group.create_task(step("slow", 3))
    except* ValueError as errors:
        for error in errors.exceptions:
            print("caught:", error)


asyncio.run(main())
