import asyncio

loop = asyncio.new_event_loop()
loop.call_later(2, print, "last timer")
print("run_forever with nothing to stop it")
loop.run_forever()
print("not reached")
