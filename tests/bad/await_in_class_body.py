class A:
    x = await g()
