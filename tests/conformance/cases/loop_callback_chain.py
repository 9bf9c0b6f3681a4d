import asyncio

def step(loop, n, done):
    print(f"step {n} t={loop.time()}")
    if n == 5:
        done.set_result(n)
    elif n % 2 == 0:
        loop.call_soon(step, loop, n + 1, done)
    else:
        loop.call_later(0.25, step, loop, n + 1, done)

async def main():
    loop = asyncio.get_running_loop()
    done = loop.create_future()
    loop.call_soon(step, loop, 0, done)
    print("result", await done)

asyncio.run(main())
