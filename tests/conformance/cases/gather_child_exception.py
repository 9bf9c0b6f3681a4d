import asyncio

async def ok(name, d):
    await asyncio.sleep(d)
    print(name, "done at", asyncio.get_running_loop().time())
    return name

async def bad():
    await asyncio.sleep(1)
    raise ZeroDivisionError("division by zero in child")

async def main():
    try:
        await asyncio.gather(ok("a", 0.5), bad(), ok("b", 2))
    except ZeroDivisionError as e:
        print("caught", e, "at", asyncio.get_running_loop().time())
    await asyncio.sleep(2)
    print("other child kept running; end at", asyncio.get_running_loop().time())

asyncio.run(main())
