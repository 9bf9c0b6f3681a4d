import asyncio

loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
same = asyncio.get_event_loop()
print(same is loop)

async def main():
    print(asyncio.get_running_loop() is loop)
    print(asyncio.get_event_loop() is loop)
    await asyncio.sleep(1)
    return "ok"

print(loop.run_until_complete(main()))
print(loop.is_running())
loop.close()
