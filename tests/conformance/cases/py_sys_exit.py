import sys

def check(value):
    if value < 0:
        print("negative value, exiting with status 3")
        sys.exit(3)
    print("value ok", value)

check(5)
check(-1)
print("not reached")
