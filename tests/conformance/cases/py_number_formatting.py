prices = [3.5, 12.25, 100.0, 0.125, 1999.999]
for p in prices:
    print(f"{p:>10.2f} | {p:<10.1f}| {p:^12,.3f} | {round(p, 1)}")
print(str(1.0), str(10.0 ** 15), str(10.0 ** 16), str(1.23e-4), str(123e-7))
print(1e100, 12345678901234567890.0, 0.1 * 3, 1.1 * 1.1, 2.0 ** 53 + 1)
print(format(1234.5678, ".1f"), format(42, "06d"), format(0.5, ".0%"), format(255, "#b"))
print(int(2.5e3), float("3.25"), float(" 7 "), int("  12  "))
print(7 / 3, -7 / 3, 1e-10, 5e-324, 1.7976931348623157e308)
print(round(1234.5), round(1235.5), round(-2.5), round(0.125, 2), round(0.375, 2))
