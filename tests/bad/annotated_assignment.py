# expect-unsupported
x: int = 1
