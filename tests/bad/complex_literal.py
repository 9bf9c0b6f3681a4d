# expect-unsupported
z = 1 + 2j
