def make_counter():
    count = 0
    def inc(step=1):
        nonlocal count
        count += step
        return count
    return inc

c = make_counter()
print(c(), c(), c(5))
c2 = make_counter()
print(c2(), c())

total = 0
def add(n):
    global total
    total += n
add(3)
add(4)
print(total)

adders = [lambda x, i=i: x + i for i in range(3)]
print([f(10) for f in adders])
late = [lambda: i for i in range(3)]
print([f() for f in late])

def compose(f, g):
    return lambda x: f(g(x))
print(compose(lambda x: x * 2, lambda x: x + 1)(5))
