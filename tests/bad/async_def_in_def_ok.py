def outer():
    async def inner():
        await x
    return inner
