class A(*b, **c, d):
    pass
