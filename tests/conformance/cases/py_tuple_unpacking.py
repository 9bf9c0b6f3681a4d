a, b = 1, 2
a, b = b, a
print(a, b)
first, *rest = [1, 2, 3, 4]
*init, last = "hello"
print(first, rest, init, last)
(x, y), z = (1, 2), 3
print(x, y, z)
points = [(1, 2), (3, 4)]
for px, py in points:
    print(px + py)
print(*[1, 2, 3], sep="-", end="!\n")
print("no newline", end="")
print(" ... continued")
print()
print("a", "b", sep="")
d = {**{"a": 1}, "b": 2}
l = [*range(3), *"ab"]
print(d, l)
