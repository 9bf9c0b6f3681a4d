def f():
    x: await y = 1
    z: (yield)
