values = [0.1 + 0.2, 1e16, 1e-5, 1e15, 123456789.0, 2.5, -0.0, 1/3, 2/3, 100.0, 1e22, 1.5e-7, 0.0001]
for v in values:
    print(v, repr(v), str(v))
inf = float("inf")
nan = float("nan")
print(inf, -inf, nan, inf > 1e308, nan == nan)
print(float("1e400"), 10 / 4, 7 / 7, 2 ** 0.5, 2 ** -1)
print(round(2.675, 2), round(0.5), round(1.5), round(2.5), round(-0.5), round(7.25, 1))
print(int(3.99), int(-3.99), float(7), 3 * 0.1)
