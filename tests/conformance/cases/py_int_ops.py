print(2 ** 100)
print(2 ** 64 - 1, -(2 ** 63))
f = 1
for i in range(1, 31):
    f *= i
print(f)
print(7 // 2, -7 // 2, 7 // -2, -7 // -2)
print(7 % 3, -7 % 3, 7 % -3, -7 % -3)
print(divmod(17, 5), divmod(-17, 5), divmod(17, -5))
print(7.5 // 2, -7.5 % 2)
print(abs(-12), abs(3.5), pow(3, 4), pow(3, 4, 5))
print(10 ** 20 // 7, 10 ** 20 % 7)
print(int("42") + 1, int("-17"), int("ff", 16), int("101", 2))
print(1_000_000 * 3, 0x1F, 0o17, 0b1010)
print(True + True, 5 == 5.0, 3 / 2, 4 / 2)
