import asyncio

async def never():
    print("this never prints")
    return 1

async def main():
    t = asyncio.create_task(never())
    print("cancel returns", t.cancel())
    print("cancelled yet?", t.cancelled())
    try:
        await t
    except asyncio.CancelledError:
        print("caught CancelledError")
    print("cancelled now?", t.cancelled(), t.done())
    print("cancel again", t.cancel())

asyncio.run(main())
