names = ["ann", "bob", "cy"]
ages = [31, 25, 40]
for i, (n, a) in enumerate(zip(names, ages), start=1):
    print(i, n, a)
print(list(map(str.upper, names)), list(map(lambda a, b: a * b, [1, 2], [3, 4])))
print(list(filter(lambda a: a > 30, ages)), list(filter(None, [0, 1, "", "x"])))
print(sorted(ages), list(reversed(names)), min(ages), max(names, key=len))
print(abs(-3), chr(65), ord("z"), len("héllo"), sum([0.1] * 10))
print(isinstance(3, int), isinstance(3.0, (int, float)), isinstance(True, int), type("s"), type(3.0).__name__)
print(bool(""), bool([0]), int(True), str(None), list("ab"), hex(255), bin(5), oct(8))
print(round(3.14159, 3), divmod(9, 4), all([]), any([]), max(3, 7, 5), min("b", "a"))
print(list(zip("ab", [1, 2, 3])), dict(enumerate("xy")), list(range(3, -3, -2)))
print(sorted("hello"), " ".join(sorted("hello", reverse=True)))
