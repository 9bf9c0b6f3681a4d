import asyncio

async def fail(kind, d):
    await asyncio.sleep(d)
    if kind == "value":
        raise ValueError("v")
    raise KeyError("k")

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail("value", 1))
            tg.create_task(fail("key", 1))
    except* ValueError as eg:
        print("ValueErrors:", len(eg.exceptions))
    except* KeyError as eg:
        print("KeyErrors:", len(eg.exceptions))
    print("done")

asyncio.run(main())
