// asyncio_barrier.cpp: asyncio.Barrier and asyncio.BrokenBarrierError
// (Python 3.11), as Python source compiled by this VM.
//
// CPython builds its Barrier on an asyncio.Condition (asyncio/locks.py), so
// which waiter wakes first, and when, follows from the Condition's FIFO of
// waiters and its lock. Written here on top of our own Condition, the
// source awaits exactly where CPython's does (the Condition's lock, its
// wait_for, notify_all), so every ordering CPython shows comes out the same
// without being modelled twice. The states are plain strings where CPython
// uses an Enum: only their `value` text ever shows (in the repr).
#include "core/py/asyncio_extras.h"
#include "core/py/runtime.h"
#include "core/py/stdlib_modules.h"

namespace py {

namespace {

const char* const kSource = R"PY(
class BrokenBarrierError(RuntimeError):
    pass


class Barrier:
    def __init__(self, parties):
        if parties < 1:
            raise ValueError('parties must be > 0')
        self._cond = None
        self._parties = parties
        self._state = 'filling'
        self._count = 0

    def __repr__(self):
        text = super().__repr__()
        detail = self._state
        if self._state != 'broken':
            detail += f', waiters:{self.n_waiting}/{self._parties}'
        return f'<{text[1:-1]} [{detail}]>'

    async def __aenter__(self):
        return await self.wait()

    async def __aexit__(self, *exc_info):
        return None

    def _condition(self):
        # Made on first use, inside the running loop: CPython's Condition
        # binds its loop that late too, so a Barrier made at module level
        # works in asyncio.run.
        if self._cond is None:
            self._cond = Condition()
        return self._cond

    def _takes_arrivals(self):
        return self._state != 'draining' and self._state != 'resetting'

    def _filled(self):
        return self._state != 'filling'

    async def wait(self):
        cond = self._condition()
        async with cond:
            # Newcomers queue while the previous round drains or resets.
            await cond.wait_for(self._takes_arrivals)
            if self._state == 'broken':
                raise BrokenBarrierError('Barrier aborted')
            index = self._count
            self._count += 1
            try:
                if index + 1 == self._parties:
                    # The last party trips the barrier for everyone.
                    self._state = 'draining'
                    cond.notify_all()
                else:
                    await cond.wait_for(self._filled)
                    if self._state == 'broken' or self._state == 'resetting':
                        raise BrokenBarrierError('Abort or reset of barrier')
                return index
            finally:
                # Cancelled, broken or through: this party has left. The
                # last one out reopens the barrier for the next round.
                self._count -= 1
                if self._count == 0:
                    if self._state == 'draining' or self._state == 'resetting':
                        self._state = 'filling'
                    cond.notify_all()

    async def reset(self):
        cond = self._condition()
        async with cond:
            if self._count > 0:
                self._state = 'resetting'
            else:
                self._state = 'filling'
            cond.notify_all()

    async def abort(self):
        cond = self._condition()
        async with cond:
            self._state = 'broken'
            cond.notify_all()

    @property
    def parties(self):
        return self._parties

    @property
    def n_waiting(self):
        return self._count if self._state == 'filling' else 0

    @property
    def broken(self):
        return self._state == 'broken'
)PY";

}  // namespace

Value installAsyncioBarrier(Runtime& rt, DictObj* d) {
  VM& vm = rt.vm;
  DictObj* locks = vm.newDict();
  moduleSet(vm, locks, "Condition", Value::object(rt.conditionT));
  // As CPython's, the classes say where they live: asyncio.locks.Barrier,
  // asyncio.exceptions.BrokenBarrierError (a traceback's last line).
  if (execStdlibSource(vm, "asyncio.locks", kSource, locks) == kError) return kError;
  for (const char* name : {"Barrier", "BrokenBarrierError"}) {
    std::int64_t i = locks->table.find(vm, Value::object(vm.intern(name)));
    if (i < 0) return vm.raise(vm.t.ImportError, std::string("asyncio.locks: no ") + name);
    Value cls = locks->table.entries()[static_cast<std::size_t>(i)].value;
    if (std::string_view(name) == "BrokenBarrierError") as<TypeObj>(cls)->module = "asyncio.exceptions";
    moduleSet(vm, d, name, cls);
  }
  return Value::none();
}

}  // namespace py
