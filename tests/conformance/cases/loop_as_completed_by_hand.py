# Older tutorials drive a loop by hand: as_completed() outside a running loop
# uses the current event loop (a plain function in CPython), run_forever()
# until a task calls stop(), and a second loop carrying the one clock on.
import asyncio

async def job(n):
    await asyncio.sleep(n)
    return n

async def stopper(loop):
    await asyncio.sleep(1.5)
    print("stopping", round(loop.time(), 2))
    loop.stop()

loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
for f in asyncio.as_completed([job(0.3), job(0.1)]):
    print("as_completed", loop.run_until_complete(f))
loop.create_task(stopper(loop))
t = loop.create_task(job(1))
loop.run_forever()
print(t.result(), t.done())
print(loop.run_until_complete(asyncio.sleep(0, result="zero")))
other = asyncio.new_event_loop()
print(other.run_until_complete(asyncio.sleep(0.5, result="other")), round(other.time(), 2))
other.close()
print(asyncio.get_event_loop() is loop)
loop.close()
