import asyncio

async def main():
    loop = asyncio.get_running_loop()
    futs = [loop.create_future() for i in range(3)]
    for i, f in enumerate(futs):
        f.add_done_callback(lambda fut, i=i: print("callback", i, fut.result()))
    loop.call_later(2, futs[2].set_result, "c")
    loop.call_later(1, futs[0].set_result, "a")
    loop.call_later(1, futs[1].set_result, "b")
    print(await asyncio.gather(*futs), loop.time())

asyncio.run(main())
