#!/usr/bin/python3
"""Writes bigint.txt: int operations with CPython 3.11's answers.

Each line is `op operands... result`, all ints in decimal, so the C++ test
can replay the operation on py::rt::BigInt and compare. Run with
/usr/bin/python3 (CPython 3.11) from this folder.
"""
import math
import random
import struct

rng = random.Random(20241122)

def interesting():
    vals = [0, 1, -1, 2, -2, 3, 7, -7, 10, 255, 256, -256, 2**31 - 1, 2**31, -2**31,
            2**32 - 1, 2**32, -2**32, 2**32 + 1, 2**63 - 1, -2**63, 2**63, -2**63 - 1,
            2**64 - 1, 2**64, -2**64, 2**64 + 1, 10**18, 10**19, -10**19, 10**30, 2**96 - 1,
            2**128, -2**128 + 12345, 3**100, -(7**80), 2**200 - 1]
    for bits in (8, 20, 31, 33, 50, 63, 64, 65, 90, 127, 128, 129, 200, 300, 500, 800):
        for _ in range(3 if bits < 500 else 1):
            v = rng.getrandbits(bits)
            vals.append(v if rng.random() < 0.5 else -v)
    return vals

vals = interesting()
lines = []

def pairs(n):
    for _ in range(n):
        yield rng.choice(vals), rng.choice(vals)

for a, b in pairs(100):
    lines.append(f"add {a} {b} {a + b}")
    lines.append(f"sub {a} {b} {a - b}")
    lines.append(f"mul {a} {b} {a * b}")
    if b != 0:
        lines.append(f"divmod {a} {b} {a // b} {a % b}")
    lines.append(f"and {a} {b} {a & b}")
    lines.append(f"or {a} {b} {a | b}")
    lines.append(f"xor {a} {b} {a ^ b}")
    lines.append(f"cmp {a} {b} {(a > b) - (a < b)}")

for a in vals:
    lines.append(f"neg {a} {-a}")
    lines.append(f"abs {a} {abs(a)}")
    lines.append(f"invert {a} {~a}")
    lines.append(f"bitlen {a} {a.bit_length()}")
    lines.append(f"hash {a} {hash(a)}")
    try:
        lines.append(f"float {a} {float(a).hex()}")
    except OverflowError:
        lines.append(f"float {a} overflow")
    for base, code in ((2, 'b'), (8, 'o'), (16, 'x')):
        lines.append(f"tostr{base} {a} {format(a, code)}")
    for n in rng.sample((0, 1, 5, 31, 32, 33, 64, 100, 257), 4):
        lines.append(f"shl {a} {n} {a << n}")
        lines.append(f"shr {a} {n} {a >> n}")
    e = rng.choice((0, 1, 2, 3, 7, 13, 40))
    while a.bit_length() * e > 4000:
        e //= 2
    lines.append(f"pow {a} {e} {a ** e}")
    m = rng.choice([v for v in vals if v != 0])
    e = abs(rng.choice(vals)) % (2**70)
    lines.append(f"powmod {a} {e} {m} {pow(a, e, m)}")

# Division stress: divisors with large top limbs trigger Knuth D's corrections.
for _ in range(150):
    b = rng.getrandbits(rng.choice((33, 64, 65, 96, 160, 256))) | (1 << 31)
    a = b * rng.getrandbits(rng.choice((1, 32, 64, 128, 300))) + rng.getrandbits(20)
    if rng.random() < 0.3:
        a = -a
    if rng.random() < 0.3:
        b = -b
    lines.append(f"divmod {a} {b} {a // b} {a % b}")

# Float rounding: ints near the 53-bit mantissa boundaries (ties, sticky bits).
for _ in range(120):
    top = rng.getrandbits(54) | (1 << 53)
    shift = rng.choice((1, 2, 11, 40, 64, 100, 900, 969, 970, 971))
    a = top << shift
    if rng.random() < 0.5:
        a += rng.choice((0, 1, -1, rng.getrandbits(shift)))
    try:
        lines.append(f"float {a} {float(a).hex()}")
    except OverflowError:
        lines.append(f"float {a} overflow")

# int(text, base): well-formed and malformed literals (no spaces inside).
def text_cases():
    yield from [("0", 10), ("-0", 10), ("+17", 10), ("1_000_000", 10), ("1__0", 10), ("_1", 10), ("1_", 10),
                ("0x_ff", 16), ("0xFF", 16), ("0xff", 0), ("0o17", 0), ("0b101", 0), ("0B1_0", 0), ("010", 0),
                ("000", 0), ("0_0", 0), ("12", 0), ("z", 36), ("Zz", 36), ("102", 2), ("ff", 16), ("-ff", 16),
                ("0x", 16), ("", 10), ("-", 10), ("9" * 50, 10), ("ab", 10), ("1.5", 10), ("0b12", 0),
                ("0x1", 10), ("777", 8), ("0o777", 8), ("0b1", 16), ("0b1", 2), ("abc", 13), ("1e5", 10)]
    for _ in range(100):
        base = rng.choice((2, 3, 7, 8, 10, 12, 16, 36))
        v = rng.getrandbits(rng.choice((5, 40, 70, 200)))
        digits = "0123456789abcdefghijklmnopqrstuvwxyz"
        s = ""
        while v:
            s = digits[v % base] + s
            v //= base
        yield (s or "0"), base
for text, base in text_cases():
    try:
        r = int(text, base)
    except ValueError:
        r = "error"
    lines.append(f"parse {base} {text if text else '<empty>'} {r}")

for x in [0.0, -0.0, 0.5, -0.5, 1.9999, -1.9999, 1e18, -1e18, 9.3e18, -9.3e18, 1.8446744073709552e19,
          1e100, -1e300, 2.0**63, -2.0**63, 2.0**64, 123456789.987, 4503599627370497.0, 1.7976931348623157e308]:
    lines.append(f"fromfloat {x.hex()} {int(x)}")

# Products big enough for Karatsuba (operands of 2000..9000 bits), in hex to
# stay clear of the 4300-digit str() limit and keep the file small.
for abits, bbits in ((2000, 2100), (3000, 1600), (4500, 4500), (9000, 3000), (6000, 6100)):
    a, b = rng.getrandbits(abits), -rng.getrandbits(bbits)
    lines.append(f"mulhex {a:x} {b:x} {a * b:x}")
    lines.append(f"divmodhex {a * b + a // 3:x} {b:x} {(a * b + a // 3) // b:x} {(a * b + a // 3) % b:x}")

# pow(a, e, m) with negative exponents: modular inverses (3.8+).
for _ in range(40):
    a = rng.randint(-10**6, 10**6)
    e = rng.randint(-20, 5)
    m = rng.choice((7, 10, -11, 97, 2**61 - 1, 1, -1, 1000, rng.randint(2, 10**12)))
    try:
        r = pow(a, e, m)
    except ValueError:
        r = "error"
    lines.append(f"powmodchecked {a} {e} {m} {r}")

lines.append(f"factorial1000 {math.factorial(1000)}")
lines.append(f"pow2_10000 {2**10000}")

with open("bigint.txt", "w") as f:
    f.write("# generated by gen_bigint.py with CPython " + ".".join(map(str, __import__('sys').version_info[:3])) + "\n")
    f.write("\n".join(lines) + "\n")
