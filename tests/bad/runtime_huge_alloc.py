# Huge allocations raise MemoryError at once instead of being tried.
try:
    x = [0] * 10**10
except MemoryError as e:
    print("list:", repr(e))
try:
    s = "x" * 10**12
except MemoryError as e:
    print("str:", repr(e))
y = [None]
y *= 10**11
print("never printed")
