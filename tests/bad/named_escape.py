# expect-unsupported
s = '\N{BULLET}'
