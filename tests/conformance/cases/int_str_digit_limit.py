# CPython 3.11 refuses decimal conversions of ints with more than 4300
# digits (sys.get_int_max_str_digits()), in both directions; powers of two
# bases are exempt.
big = 10**4299
print(len(str(big)), len(str(-big)))
for make in (lambda: str(10**4300), lambda: repr([2**20000]), lambda: f"{3**9000}",
             lambda: "%d" % 10**5000, lambda: int("7" * 4301), lambda: int("-" + "1_2" * 2000)):
    try:
        make()
    except ValueError as e:
        print("ValueError:", e)
print(len(hex(10**5000)), len(bin(3**9000)), len(f"{10**5000:x}"))
print(int("f" * 5000, 16) == 16**5000 - 1, int("0x" + "1" * 5000, 0) % 7)
print(1 << 0, 0 << 10**30, (-1) ** (10**20 + 1), 1 ** 10**30)
try:
    1 << 10**20
except OverflowError as e:
    print("OverflowError:", e)
