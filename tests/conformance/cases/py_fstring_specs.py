x = 3.14159
n = 255
s = "hi"
big = 1234567.891
print(f"{x:.2f}|{x:>8}|{x:<8}|{x:^9}|{x:08.3f}|{x:+.1f}|{x:e}|{x:.3g}")
print(f"{n:x}|{n:X}|{n:b}|{n:o}|{n:#x}|{n:5d}|{n:<5d}|{n:05d}|{n:,}")
print(f"{big:,}|{big:,.2f}|{big:.0f}|{1e6:g}|{0.000123:.2e}|{12.5:%}|{0.25:.0%}")
print(f"{s!r}|{s:>5}|{s:*^6}|{s:-<4}|{s!s}")
print(f"{x=}|{n=}|{s=}|{n + 1=}")
print(f"{'nested'}|{[1, 2][0]}|{ {'a': 1}['a'] }|{3 * 'ab'}")
width = 10
print(f"{x:{width}.3f}|{'r':>{width}}|")
print(f"{{literal braces}} {n}")
print(f"{True}|{None}|{-5:4}|{-5:<4}|{7:+}")
