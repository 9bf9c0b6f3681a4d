x = 1
print(f"{f'{x!r:>4}'}|{x=}")
