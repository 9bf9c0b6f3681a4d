# Blocks, blank lines, comments, continuation lines and brackets.
if a:
    b = 1

    # comment at another indent
        # and another
    if c:
	    d = [1,
  2,
      3]
    e = f(x,
          y) \
        + 1
else:  # trailing
    pass
def g():
    return (
        1
    )
x = 1; y = 2
