import asyncio

async def main():
    await asyncio.sleep(1.5)
    return {"answer": 42, "t": asyncio.get_running_loop().time()}

result = asyncio.run(main())
print(result)
print(type(result).__name__)
