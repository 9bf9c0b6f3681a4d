a = {1, 2, 3, 4}
b = {3, 4, 5}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(a ^ b))
a.add(10)
a.discard(1)
a.remove(2)
print(sorted(a), 3 in a, 1 in a, len(a))
print({1, 2} <= {1, 2, 3}, {1, 2} < {1, 2}, {1, 2}.isdisjoint({3}))
words = ["a", "b", "a", "c", "b"]
print(sorted(set(words)), len(set(words)))
s = set()
s.update([3, 1], [2])
print(sorted(s), sorted({x % 3 for x in range(10)}))
