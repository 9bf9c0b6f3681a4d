def f(a, b=2, *args, c, d=4, **kwargs):
    return f"a={a} b={b} args={args} c={c} d={d} kwargs={kwargs}"

print(f(1, c=3))
print(f(1, 5, 6, 7, c=8, e=9, d=0))
print(f(*[1, 2, 3], **{"c": 4, "z": 5}))

def g(x, y):
    return x - y
print(g(y=1, x=10))

def defaults(items=None):
    if items is None:
        items = []
    items.append(1)
    return items
print(defaults(), defaults(), defaults([0]))

try:
    f(1)
except TypeError as e:
    print("TypeError:", e)
try:
    g(1, 2, 3)
except TypeError as e:
    print("TypeError:", e)
