d = {}
for i in range(300000):
    d[str(i)] = [i, i * 2]
total = 0
for k, v in d.items():
    total += v[1] - v[0]
lst = sorted(d.keys(), key=len)
print(total, len(lst))
