import asyncio
import time

# Deterministic in CPython too: explicit timestamps and tuples, never the wall clock.
t = time.gmtime(3725)
print(t)
print(t.tm_hour, t.tm_min, t.tm_sec, t[0], t[-1], tuple(t)[:3], len(t))
print(time.strftime("%H:%M:%S", t))
print(time.strftime("%Y-%m-%d %a %A %b %B %j %p %I %y %%", time.gmtime(1700000000)))
print(time.strftime("%c|%x|%X|%D|%T|%e|%U|%W|%w|%u", time.gmtime(951782400)))
print(time.strftime("%G-W%V", time.gmtime(1609459200)), time.strftime("%G-W%V", (2024, 12, 30, 0, 0, 0, 0, 365, 0)))
print(time.asctime(time.gmtime(86400 * 365.25 * 30)))
print(time.asctime((2023, 7, 4, 9, 5, 3, 1, 185, 0)))
print(time.strftime("%d/%m/%Y", (2020, 2, 29, 0, 0, 0, 5, 60, 0)))
print(time.gmtime(-1), time.gmtime(1.99).tm_sec)
print(time.gmtime(0) == (1970, 1, 1, 0, 0, 0, 3, 1, 0))
year, month, *rest = time.gmtime(10**9)
print(year, month, rest)
for bad in [(2020, 13, 1, 0, 0, 0, 0, 1, 0), (2020, 1, 1, 24, 0, 0, 0, 1, 0), (1, 2, 3), "x"]:
    try:
        time.strftime("%Y", bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)


async def main():
    start = time.monotonic()
    await asyncio.sleep(3)
    print(f"took {time.monotonic() - start:.1f} s", isinstance(time.time_ns(), int))


asyncio.run(main())
