import asyncio

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    for name in ["cb1", "cb2", "cb3"]:
        fut.add_done_callback(lambda f, n=name: print(n, f.result()))
    def removed(f):
        print("removed callback ran")
    fut.add_done_callback(removed)
    print("removed count", fut.remove_done_callback(removed))
    loop.call_soon(print, "soon before set")
    fut.set_result(5)
    loop.call_soon(print, "soon after set")
    print("set_result returned")
    await asyncio.sleep(0)
    print("end")

asyncio.run(main())
