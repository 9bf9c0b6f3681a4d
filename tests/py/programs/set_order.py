# Sets of numbers print and iterate in CPython's hash-table order.
print({3, 1, 2}, {10, 5, 100, 7, 8, 64, 33}, set([9, 17, 1, 25]))
s = set()
for i in [40, 3, 17, 8, 1000, 2, 65, 9, 11, 5, 6]:
    s.add(i)
print(s, sorted(s) == list(sorted(s)), list(s))
print({-1, -2, 0, 1.5, 2.0, True})
print({x % 7 for x in range(20)}, {1, 2} | {9, 8})
