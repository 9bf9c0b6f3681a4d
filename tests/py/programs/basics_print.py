# print, arithmetic, containers and their reprs
print("hello", 1, 2.5, None, True)
x = [1, 2, 3]
x.append(4)
print(x, len(x), x[-1], x[1:3])
d = {"a": 1, "b": [1, 2]}
d["c"] = (1,)
print(d, d.get("z"), list(d.keys()))
print(7 // 2, -7 // 2, 7 % 3, -7 % 3, 2 ** 10, 2 ** 100, 7 / 2)
print(0.1 + 0.2, 1e20, 1.5e-7, 3.0, -0.0)
s = "Hello, World"
print(s.upper(), s.lower(), s.split(", "), "-".join(["a", "b"]), repr(s), repr("it's"))
print(f"{3.14159:.2f} {42:>5} {'x':*^7} {x!r} {1000000:,}")
t = (1, "two", 3.0)
a, b, c = t
print(a, b, c, t)
print({1, 2, 3}, set(), {})
print(sorted([3, 1, 2], reverse=True), min(4, 2, 8), max([1, 9, 3]), sum(range(10)))
