# expect-loopscope
# The asyncio names Loopscope does not simulate (threads, executors,
# sockets, subprocesses) exist, and calling one raises a NotImplementedError
# that names it and says why, never an AttributeError. CPython runs this
# program, so the expectation is Loopscope's own; the last call is uncaught.
import asyncio


def blocking():
    return 42


async def main():
    loop = asyncio.get_running_loop()
    attempts = [
        lambda: asyncio.to_thread(blocking),
        lambda: loop.run_in_executor(None, blocking),
        lambda: asyncio.run_coroutine_threadsafe(None, loop),
        lambda: asyncio.wrap_future(None),
        lambda: asyncio.open_connection("example.com", 80),
        lambda: asyncio.start_server(None, "127.0.0.1", 8888),
        lambda: asyncio.create_subprocess_exec("ls"),
        lambda: asyncio.create_subprocess_shell("ls"),
        lambda: loop.create_connection(None, "example.com", 80),
    ]
    for attempt in attempts:
        try:
            attempt()
        except NotImplementedError as e:
            print("NotImplementedError:", e)
    print(await asyncio.to_thread(blocking))


asyncio.run(main())
