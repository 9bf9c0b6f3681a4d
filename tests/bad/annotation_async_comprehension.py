x: [a async for a in b] = 1
