# expect-unsupported
data = b'abc'
