x: await y
