# A dataclass-based asyncio tutorial: jobs described by dataclasses, run by
# workers from a queue, results collected as frozen records.
import asyncio
from dataclasses import asdict, dataclass, field


@dataclass(order=True)
class Job:
    priority: int
    name: str = field(compare=False)
    delay: float = field(default=0.1, compare=False)
    tags: list[str] = field(default_factory=list, compare=False)


@dataclass(frozen=True)
class Result:
    job: str
    worker: int
    finished_at: float


@dataclass
class Stats:
    done: int = 0
    by_worker: dict[int, int] = field(default_factory=dict)
    last: Result | None = None

    def record(self, result: Result) -> None:
        self.done += 1
        self.by_worker[result.worker] = self.by_worker.get(result.worker, 0) + 1
        self.last = result


async def worker(n: int, queue: asyncio.PriorityQueue, stats: Stats, loop_start: float):
    while True:
        job: Job = await queue.get()
        await asyncio.sleep(job.delay)
        result = Result(job.name, n, round(asyncio.get_running_loop().time() - loop_start, 3))
        print(f"worker {n} finished {job}")
        stats.record(result)
        queue.task_done()


async def main():
    queue: asyncio.PriorityQueue = asyncio.PriorityQueue()
    stats = Stats()
    start = asyncio.get_running_loop().time()
    jobs = [Job(3, "low", 0.3, ["batch"]), Job(1, "urgent", 0.2), Job(2, "normal"), Job(1, "also urgent", 0.5)]
    for job in jobs:
        queue.put_nowait(job)
    workers = [asyncio.create_task(worker(i, queue, stats, start)) for i in range(2)]
    await queue.join()
    for w in workers:
        w.cancel()
    await asyncio.gather(*workers, return_exceptions=True)
    print(stats)
    print(asdict(stats.last))
    print(sorted(jobs))


asyncio.run(main())
