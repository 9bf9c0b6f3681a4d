# expect-loopscope budgets: output=200
# Printing forever: the output budget stops the run.
i = 0
while True:
    print("line", i)
    i += 1
