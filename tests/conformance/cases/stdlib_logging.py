import asyncio
import logging
import sys

log = logging.getLogger("app")
log.warning("before any configuration goes to stderr via the last resort")
log.info("dropped: the root level is WARNING")
logging.basicConfig(
    level=logging.INFO,
    stream=sys.stdout,
    format="%(asctime)s %(levelname)-8s %(name)s: %(message)s [%(funcName)s:%(lineno)d]",
)
logging.info("root info %d %s", 5, "x")
logging.debug("dropped: below INFO")


async def work(n):
    await asyncio.sleep(1.5 * n)
    log.info("worker %s done", n)
    return n


async def main():
    r = await asyncio.gather(work(1), work(2))
    logging.getLogger("app.db").error("results %r", r)
    try:
        raise ValueError("bad input")
    except ValueError as e:
        log.error("failed: %s", e)
    log.setLevel(logging.ERROR)
    log.warning("dropped: app is at ERROR now")
    log.critical("crit")
    log.log(logging.ERROR, "via log %s", "x")
    child = logging.getLogger("app.db.pool")
    child.error("child inherits %s", logging.getLevelName(child.getEffectiveLevel()))
    print(log.getEffectiveLevel(), log.isEnabledFor(logging.INFO), logging.getLevelName(20),
          logging.getLevelName("WARNING"), logging.getLevelName(25), log.name,
          logging.getLogger("app") is log, logging.getLogger() is logging.root)
    print(logging.getLogger(), log, child.parent.name, child.parent.parent is log)


asyncio.run(main())

other = logging.getLogger("other")
other.propagate = False
h = logging.StreamHandler(sys.stdout)
h.setFormatter(logging.Formatter("%(name)s|%(levelname)s|%(message)s|%(module)s"))
other.addHandler(h)
other.warning("own handler %s%%", 100)
h.setLevel(logging.ERROR)
other.warning("dropped by the handler level")
other.error("kept")
b = logging.getLogger("braces")
b.propagate = False
hb = logging.StreamHandler(sys.stdout)
hb.setFormatter(logging.Formatter("{levelname}:{name}:{message}", style="{"))
b.addHandler(hb)
b.warning("brace style %s", "ok")
d = logging.getLogger("dates")
d.propagate = False
hd = logging.StreamHandler(sys.stdout)
hd.setFormatter(logging.Formatter("%(asctime)s %(message)s", datefmt="%H:%M:%S"))
d.addHandler(hd)
d.warning("custom datefmt")
try:
    logging.getLogger("x").setLevel("LOUD")
except ValueError as e:
    print("ValueError", e)
