for n in range(2, 20):
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        print(n, "is prime")

i = 0
while True:
    i += 1
    if i % 2 == 0:
        continue
    if i > 7:
        break
    print("odd", i)
else:
    print("while-else skipped by break")

k = 3
while k > 0:
    k -= 1
else:
    print("while-else ran, k =", k)

x = 5
print(1 < x < 10, 1 < x > 10, x == 5 != 6, 0 <= x <= 4)
print("big" if x > 3 else "small", x and 0, x or 0, not x, None or "default")
