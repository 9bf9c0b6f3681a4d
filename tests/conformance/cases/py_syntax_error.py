print("a syntax error refuses the whole program: nothing runs")

def broken(:
    pass
