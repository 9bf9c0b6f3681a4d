import asyncio
f(1, "c"  g(2)
h = 3
