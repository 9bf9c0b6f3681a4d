import aiohttp

async def root(request):
    return aiohttp.web.Response(text="root")

app = aiohttp.web.Application()
app.add_routes([aiohttp.web.get("/", root)])
aiohttp.web.run_app(app, host="localhost", port=8080)
print("run_app returned")
