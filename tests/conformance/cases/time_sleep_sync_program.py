import time

start = time.time()
for i in range(3):
    time.sleep(0.5)
    print(f"step {i} at {time.time() - start:.2f}")
print("total", time.perf_counter())
