# expect-loopscope budgets: instructions=100000
# A power far too big to compute: its work is priced in instructions before
# it runs, so the budget stops it at once (CPython would compute for hours).
print("computing")
x = 7 ** 10**9
print("never printed")
