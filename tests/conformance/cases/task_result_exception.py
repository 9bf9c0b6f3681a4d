import asyncio

async def ok():
    return 7

async def fail():
    raise KeyError("missing")

async def main():
    a = asyncio.create_task(ok())
    b = asyncio.create_task(fail())
    try:
        a.result()
    except asyncio.InvalidStateError:
        print("result not ready")
    await asyncio.sleep(0)
    print(a.done(), b.done())
    print(a.result(), a.exception())
    print(repr(b.exception()))
    try:
        b.result()
    except KeyError as e:
        print("KeyError", e)

asyncio.run(main())
