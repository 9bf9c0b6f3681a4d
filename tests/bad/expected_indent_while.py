while True:
# comment
x = 1
