import asyncio
from contextlib import contextmanager, asynccontextmanager, suppress, nullcontext


@contextmanager
def tag(name):
    print("<" + name + ">")
    try:
        yield name.upper()
    finally:
        print("</" + name + ">")


with tag("p") as t:
    print("inside", t)

try:
    with tag("div"):
        raise ValueError("boom")
except ValueError as e:
    print("propagated", e)


@contextmanager
def swallow():
    try:
        yield
    except KeyError as e:
        print("swallowed", repr(e))


with swallow():
    {}["missing"]
print("after swallow")

with suppress(ZeroDivisionError, KeyError):
    1 / 0
print("suppressed")
try:
    with suppress(KeyError):
        [][1]
except IndexError as e:
    print("not suppressed:", e)

with nullcontext(42) as v:
    print("nullcontext", v)


@asynccontextmanager
async def connection(name):
    print("open", name)
    await asyncio.sleep(0.5)
    try:
        yield name + "-conn"
    finally:
        await asyncio.sleep(0.25)
        print("close", name)


async def main():
    loop = asyncio.get_running_loop()
    async with connection("db") as c:
        print("using", c, loop.time())
    print("done at", loop.time())


asyncio.run(main())
