f = lambda a=1, *, b, c=2: a
