await_ = 1
print(await_)
