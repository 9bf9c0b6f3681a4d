// runtime.cpp: the loop::Host implementation, loop creation, halting, and
// the small standard modules (time, random, math, sys, functools).
#include "core/py/runtime.h"

#include <cmath>
#include <numeric>

#include "core/py/compiler.h"
#include "core/py/hidden_frames.h"
#include "core/py/int_object.h"
#include "core/py/parser.h"
#include "core/py/runtime/float_format.h"
#include "core/py/stdlib_modules.h"

namespace py {

Value newModule(VM& vm, const std::string& name, DictObj* dict) {
  dict->table.set(vm, Value::object(vm.s_name), vm.newStr(name));
  return Value::object(vm.make<ModuleObj>(vm.t.module, name, dict));
}

namespace {
// Marks a built-in module's code and every function nested in it.
void markBuiltinSource(CodeObj* code) {
  code->builtinSource = true;
  for (Value v : code->consts)
    if (isKind(v, Kind::Code)) markBuiltinSource(static_cast<CodeObj*>(asPy(v)));
}
}  // namespace

Value execHelperSource(VM& vm, std::string_view source, const std::string& name, DictObj* globals) {
  ParseResult parsed = parseModule(source, name);
  if (!parsed.ok()) return vm.raise(vm.t.ImportError, name + ": " + parsed.error->message);
  CompileResult compiled = compileModule(vm, *parsed.module, name);
  if (compiled.error) return vm.raise(vm.t.ImportError, name + ": " + compiled.error->message);
  markBuiltinSource(compiled.code);
  std::uint64_t budget = vm.budgetLeft_;
  RunResult r = vm.runModule(compiled.code, globals);
  vm.budgetLeft_ = budget;
  if (r.kind == RunResult::Raised) return vm.raiseValue(r.value);
  return Value::none();
}

void moduleSet(VM& vm, DictObj* d, const char* name, Value v) { d->table.set(vm, Value::object(vm.intern(name)), v); }

void moduleFn(VM& vm, DictObj* d, const char* name, NativeFn fn) { moduleSet(vm, d, name, vm.newNative(name, fn)); }

Runtime::Runtime(VM& v, trace::Recorder& r, loop::Clock& c) : vm(v), recorder(r), clock(c) {
  vm.runtime = this;
  vm.moduleFactory = [this](const std::string& name) { return makeModule(name); };
  vm.loopWrapper = [this](loop::Object* o) { return wrap(o); };
  vm.onAsyncGenStarted = [this](Value agen) { asyncGenStarted(agen); };
  vm.onAsyncGenDropped = [this](Value agen) { return asyncGenDropped(agen); };
  vm.onBudget = [this](const std::string& msg) {
    if (runningLoop) runningLoop->abort(msg);
    halt(2, msg);
  };
}

Runtime::~Runtime() {
  vm.runtime = nullptr;
  // Loops unregister their roots as they go.
  loops.clear();
}

void Runtime::halt(int status, std::string message) {
  if (halted) return;
  halted = true;
  haltStatus = status;
  haltMessage = std::move(message);
  vm.budgetExceeded = true;
  vm.raise(vm.t.BaseException, "halted");
  if (runningLoop) runningLoop->abort(haltMessage.empty() ? "halted" : haltMessage);
}

loop::EventLoop* Runtime::newLoop() {
  loops.push_back(std::make_unique<loop::EventLoop>(vm.heap, *this, recorder, clock));
  loops.back()->setLimits(limits);
  loops.back()->setAutoCollect(true);
  return loops.back().get();
}

// -- loop::Host --------------------------------------------------------------------

Value Runtime::makeException(loop::ExcKind kind, std::string_view message) {
  TypeObj* t = vm.t.RuntimeError;
  switch (kind) {
    case loop::ExcKind::CancelledError: t = vm.t.CancelledError; break;
    case loop::ExcKind::InvalidStateError: t = vm.t.InvalidStateError; break;
    case loop::ExcKind::TimeoutError: t = vm.t.TimeoutError; break;
    case loop::ExcKind::QueueEmpty: t = vm.t.QueueEmpty; break;
    case loop::ExcKind::QueueFull: t = vm.t.QueueFull; break;
    case loop::ExcKind::RuntimeError: t = vm.t.RuntimeError; break;
    case loop::ExcKind::ValueError: t = vm.t.ValueError; break;
    case loop::ExcKind::TypeError: t = vm.t.TypeError; break;
    case loop::ExcKind::MemoryError: t = vm.t.MemoryError; break;
  }
  std::vector<Value> args;
  if (!message.empty()) args.push_back(vm.newStr(std::string(message)));
  return Value::object(vm.newException(t, std::move(args)));
}

Value Runtime::makeStr(std::string_view s) { return vm.newStr(std::string(s)); }

Value Runtime::makeCancelledError(Value msg) {
  std::vector<Value> args;
  if (!msg.isNone()) args.push_back(vm.fromLoop(msg));
  return Value::object(vm.newException(vm.t.CancelledError, std::move(args)));
}

Value Runtime::makeExceptionGroup(std::string_view message, std::span<const Value> excs) {
  std::vector<Value> items;
  bool all = true;
  for (Value e : excs) {
    items.push_back(vm.fromLoop(e));
    if (!vm.isInstance(items.back(), vm.t.Exception)) all = false;
  }
  auto* e = vm.newException(all ? vm.t.ExceptionGroup : vm.t.BaseExceptionGroup,
                            {vm.newStr(std::string(message)), vm.newList(items)});
  e->groupExceptions = items;
  return Value::object(e);
}

void Runtime::setContext(Value exc, Value context) {
  exc = vm.fromLoop(exc);
  if (isKind(exc, Kind::Exception)) as<ExceptionObj>(exc)->context = vm.fromLoop(context);
}

bool Runtime::isCancelledError(Value exc) { return vm.isInstance(vm.fromLoop(exc), vm.t.CancelledError); }
bool Runtime::isException(Value exc) { return vm.isInstance(vm.fromLoop(exc), vm.t.Exception); }
bool Runtime::isBaseExceptionOnly(Value exc) {
  Value e = vm.fromLoop(exc);
  return vm.isInstance(e, vm.t.SystemExit) || vm.isInstance(e, vm.t.KeyboardInterrupt);
}

std::string Runtime::repr(Value v) {
  // The values with no object behind them, as VM::repr spells them, without
  // making a str object for the trace to copy and the collector to sweep.
  if (v.isNone()) return "None";
  if (v.isBool()) return v.asBool() ? "True" : "False";
  if (v.isSmallInt()) return std::to_string(v.asSmallInt());
  if (v.isNumber()) return rt::floatRepr(v.asNumber());
  return vm.reprOf(vm.fromLoop(v));
}
std::string Runtime::exceptionLabel(Value exc) { return vm.exceptionLabel(vm.fromLoop(exc)); }

std::string Runtime::callableName(Value callable) {
  Value c = vm.fromLoop(callable);
  if (isKind(c, Kind::Function)) return as<FunctionObj>(c)->qualname;
  if (isKind(c, Kind::Native)) return as<NativeObj>(c)->name;
  if (isKind(c, Kind::BoundMethod)) {
    auto* bm = as<BoundMethodObj>(c);
    if (isKind(bm->func, Kind::Function)) return as<FunctionObj>(bm->func)->qualname;
    if (isKind(bm->func, Kind::Native)) return as<NativeObj>(bm->func)->name;
  }
  return vm.reprOf(c);
}

loop::StepResult Runtime::call(Value callable, std::span<const Value> args) {
  std::vector<Value> a;
  for (Value v : args) a.push_back(vm.fromLoop(v));
  HiddenFrames hidden(vm, -kCallbackLevelsSaved);  // no Task.__step under a plain callback
  Value r = vm.call(vm.fromLoop(callable), a.data(), static_cast<int>(a.size()));
  if (r == kError) return loop::StepResult::raised(vm.pending);
  return loop::StepResult::returned(r);
}

loop::StepResult Runtime::lessThan(Value a, Value b) {
  int r = vm.lessThan(vm.fromLoop(a), vm.fromLoop(b));
  if (r < 0) return loop::StepResult::raised(vm.pending);
  return loop::StepResult::returned(Value::boolean(r == 1));
}

Value Runtime::makeList(std::span<const Value> items) {
  std::vector<Value> v;
  for (Value x : items) v.push_back(vm.fromLoop(x));
  return vm.newList(std::move(v));
}

Value Runtime::makeSet(std::span<const Value> items) {
  SetObj* s = vm.newSet();
  for (Value x : items) s->table.set(vm, vm.fromLoop(x), Value::none());
  return Value::object(s);
}

Value Runtime::makeTuple(std::span<const Value> items) {
  std::vector<Value> v;
  for (Value x : items) v.push_back(vm.fromLoop(x));
  return vm.newTuple(std::move(v));
}

void Runtime::handleError(const loop::ErrorContext& ctx) {
  std::string out = ctx.message + "\n";
  Value exc = vm.fromLoop(ctx.exception);
  if (!exc.isNone() && ctx.kind != trace::DiagnosticKind::Deadlock) out += vm.formatTraceback(exc);
  if (writeStderr) writeStderr(out);
}

// -- small standard modules ----------------------------------------------------------

#define NATIVE(name) static Value name(VM& vm, NativeObj* self, CallArgs& a)

namespace {
double num(Value v, bool& ok) {
  ok = true;
  if (v.isNumber()) return v.asNumber();
  if (isInt(v)) {
    bool o;
    return intToDouble(v, o);
  }
  ok = false;
  return 0;
}
Value mathArg(VM& vm, CallArgs& a, int i, double& out) {
  if (i >= a.n) return vm.raise(vm.t.TypeError, "math function expects an argument");
  bool ok;
  out = num(a.args[i], ok);
  if (!ok) return vm.raise(vm.t.TypeError, "must be real number, not " + vm.typeName(a.args[i]));
  return Value::none();
}
}  // namespace

NATIVE(t_time) { return Value::number(vm.runtime->clock.now); }
NATIVE(t_sleep) {
  bool ok;
  double s = a.n >= 1 ? num(a.args[0], ok) : 0;
  if (s < 0) return vm.raise(vm.t.ValueError, "sleep length must be non-negative");
  Runtime& rt = *vm.runtime;
  int line = vm.currentFrame ? vm.currentFrame->line() : 0;
  if (rt.runningLoop) rt.runningLoop->blockFor(s, line);
  else rt.clock.now += s;
  return Value::none();
}

NATIVE(r_seed) {
  Runtime& rt = *vm.runtime;
  if (a.n == 0 || a.args[0].isNone()) rt.random.seed(rt::BigInt(0));
  else if (isInt(a.args[0])) rt.random.seed(toBig(a.args[0]).abs());
  else if (isKind(a.args[0], Kind::Str)) rt.random.seedBytes(as<StrObj>(a.args[0])->s);
  else {
    std::int64_t h;
    if (!vm.hash(a.args[0], h)) return kError;
    rt.random.seedHash(h);
  }
  return Value::none();
}
NATIVE(r_random) { return Value::number(vm.runtime->random.random()); }
NATIVE(r_uniform) {
  bool ok1, ok2;
  if (a.n < 2) return vm.raise(vm.t.TypeError, "uniform() missing arguments");
  return Value::number(vm.runtime->random.uniform(num(a.args[0], ok1), num(a.args[1], ok2)));
}
static Value randResult(VM& vm, const rt::RandResult& r) {
  if (!r.ok) return vm.raise(vm.t.ValueError, r.error);
  return makeInt(vm, r.value);
}
NATIVE(r_randint) {
  if (a.n != 2 || !isInt(a.args[0]) || !isInt(a.args[1])) return vm.raise(vm.t.TypeError, "randint() needs two ints");
  return randResult(vm, vm.runtime->random.randint(toBig(a.args[0]), toBig(a.args[1])));
}
NATIVE(r_randrange) {
  for (int i = 0; i < a.n; ++i)
    if (!isInt(a.args[i])) return vm.raise(vm.t.TypeError, "randrange() needs ints");
  if (a.n == 1) return randResult(vm, vm.runtime->random.randrange(toBig(a.args[0])));
  if (a.n == 2) return randResult(vm, vm.runtime->random.randrange(toBig(a.args[0]), toBig(a.args[1])));
  if (a.n == 3) return randResult(vm, vm.runtime->random.randrange(toBig(a.args[0]), toBig(a.args[1]), toBig(a.args[2])));
  return vm.raise(vm.t.TypeError, "randrange expected 1 to 3 arguments");
}
NATIVE(r_choice) {
  std::vector<Value> items;
  if (a.n < 1 || !vm.toVector(a.args[0], items)) return a.n < 1 ? vm.raise(vm.t.TypeError, "choice() missing seq") : kError;
  if (items.empty()) return vm.raise(vm.t.IndexError, "Cannot choose from an empty sequence");
  return items[vm.runtime->random.choiceIndex(items.size())];
}
NATIVE(r_shuffle) {
  if (a.n < 1 || !isKind(a.args[0], Kind::List)) return vm.raise(vm.t.TypeError, "shuffle() needs a list");
  vm.runtime->random.shuffle(as<ListObj>(a.args[0])->items);
  return Value::none();
}
NATIVE(r_sample) {
  std::vector<Value> items;
  if (a.n < 2 || !vm.toVector(a.args[0], items)) return a.n < 2 ? vm.raise(vm.t.TypeError, "sample() missing arguments") : kError;
  auto idx = vm.runtime->random.sample(items.size(), intOf(a.args[1]));
  if (!idx) return vm.raise(vm.t.ValueError, "Sample larger than population or is negative");
  std::vector<Value> out;
  for (std::size_t i : *idx) out.push_back(items[i]);
  return vm.newList(std::move(out));
}

NATIVE(m_sqrt) {
  double x;
  if (mathArg(vm, a, 0, x) == kError) return kError;
  if (x < 0) return vm.raise(vm.t.ValueError, "math domain error");
  return Value::number(std::sqrt(x));
}
static Value floorCeil(VM& vm, CallArgs& a, bool floor) {
  if (a.n < 1) return vm.raise(vm.t.TypeError, "missing argument");
  if (isInt(a.args[0])) return a.args[0].isBool() ? Value::smallInt(intOf(a.args[0])) : a.args[0];
  double x;
  if (mathArg(vm, a, 0, x) == kError) return kError;
  if (std::isnan(x)) return vm.raise(vm.t.ValueError, "cannot convert float NaN to integer");
  if (std::isinf(x)) return vm.raise(vm.t.OverflowError, "cannot convert float infinity to integer");
  return makeInt(vm, rt::BigInt::fromDouble(floor ? std::floor(x) : std::ceil(x)));
}
NATIVE(m_floor) { return floorCeil(vm, a, true); }
NATIVE(m_ceil) { return floorCeil(vm, a, false); }
NATIVE(m_trunc) {
  if (a.n >= 1 && isInt(a.args[0])) return a.args[0];
  double x;
  if (mathArg(vm, a, 0, x) == kError) return kError;
  return makeInt(vm, rt::BigInt::fromDouble(std::trunc(x)));
}
NATIVE(m_fabs) {
  double x;
  if (mathArg(vm, a, 0, x) == kError) return kError;
  return Value::number(std::fabs(x));
}
NATIVE(m_pow) {
  double x, y;
  if (mathArg(vm, a, 0, x) == kError || mathArg(vm, a, 1, y) == kError) return kError;
  return Value::number(std::pow(x, y));
}
NATIVE(m_log) {
  double x;
  if (mathArg(vm, a, 0, x) == kError) return kError;
  if (x <= 0) return vm.raise(vm.t.ValueError, "math domain error");
  if (a.n >= 2) {
    double b;
    if (mathArg(vm, a, 1, b) == kError) return kError;
    return Value::number(std::log(x) / std::log(b));
  }
  return Value::number(std::log(x));
}
NATIVE(m_log2) {
  double x;
  if (mathArg(vm, a, 0, x) == kError) return kError;
  if (x <= 0) return vm.raise(vm.t.ValueError, "math domain error");
  return Value::number(std::log2(x));
}
NATIVE(m_log10) {
  double x;
  if (mathArg(vm, a, 0, x) == kError) return kError;
  if (x <= 0) return vm.raise(vm.t.ValueError, "math domain error");
  return Value::number(std::log10(x));
}
NATIVE(m_exp) {
  double x;
  if (mathArg(vm, a, 0, x) == kError) return kError;
  return Value::number(std::exp(x));
}
NATIVE(m_sin) {
  double x;
  if (mathArg(vm, a, 0, x) == kError) return kError;
  return Value::number(std::sin(x));
}
NATIVE(m_cos) {
  double x;
  if (mathArg(vm, a, 0, x) == kError) return kError;
  return Value::number(std::cos(x));
}
NATIVE(m_tan) {
  double x;
  if (mathArg(vm, a, 0, x) == kError) return kError;
  return Value::number(std::tan(x));
}
NATIVE(m_hypot) {
  double x, y;
  if (mathArg(vm, a, 0, x) == kError || mathArg(vm, a, 1, y) == kError) return kError;
  return Value::number(std::hypot(x, y));
}
NATIVE(m_isclose) {
  double x, y;
  if (mathArg(vm, a, 0, x) == kError || mathArg(vm, a, 1, y) == kError) return kError;
  bool ok;
  Value rt = a.kw("rel_tol"), at = a.kw("abs_tol");
  double rel = rt == kNull ? 1e-9 : num(rt, ok), abst = at == kNull ? 0.0 : num(at, ok);
  if (x == y) return Value::boolean(true);
  if (std::isinf(x) || std::isinf(y)) return Value::boolean(false);
  double diff = std::fabs(y - x);
  return Value::boolean(diff <= std::fabs(rel * y) || diff <= std::fabs(rel * x) || diff <= abst);
}
NATIVE(m_gcd) {
  std::int64_t g = 0;
  for (int i = 0; i < a.n; ++i) {
    if (!isIntLike(a.args[i])) return vm.raise(vm.t.TypeError, "'" + vm.typeName(a.args[i]) + "' object cannot be interpreted as an integer");
    g = std::gcd(g, intOf(a.args[i]));
  }
  return vm.newInt(g);
}
NATIVE(m_isqrt) {
  if (a.n < 1 || !isIntLike(a.args[0])) return vm.raise(vm.t.TypeError, "isqrt() needs an int");
  std::int64_t n = intOf(a.args[0]);
  if (n < 0) return vm.raise(vm.t.ValueError, "isqrt() argument must be nonnegative");
  auto r = static_cast<std::int64_t>(std::sqrt(static_cast<double>(n)));
  while (r * r > n) --r;
  while ((r + 1) * (r + 1) <= n) ++r;
  return vm.newInt(r);
}
NATIVE(m_factorial) {
  if (a.n < 1 || !isIntLike(a.args[0])) return vm.raise(vm.t.TypeError, "factorial() needs an int");
  std::int64_t n = intOf(a.args[0]);
  if (n < 0) return vm.raise(vm.t.ValueError, "factorial() not defined for negative values");
  rt::BigInt r(1);
  for (std::int64_t i = 2; i <= n; ++i) r = r * rt::BigInt(i);
  return makeInt(vm, r);
}
NATIVE(m_isnan) {
  double x;
  if (mathArg(vm, a, 0, x) == kError) return kError;
  return Value::boolean(std::isnan(x));
}
NATIVE(m_isinf) {
  double x;
  if (mathArg(vm, a, 0, x) == kError) return kError;
  return Value::boolean(std::isinf(x));
}

NATIVE(s_exit) {
  Value code = a.n >= 1 ? a.args[0] : Value::none();
  vm.pending = Value::object(vm.newException(vm.t.SystemExit, a.n >= 1 ? std::vector<Value>{code} : std::vector<Value>{}));
  return kError;
}
NATIVE(s_write_out) {
  if (a.n < 2) return vm.raise(vm.t.TypeError, "write() takes exactly one argument");
  if (!isKind(a.args[1], Kind::Str)) return vm.raise(vm.t.TypeError, "write() argument must be str, not " + vm.typeName(a.args[1]));
  bool err = as<InstanceObj>(a.args[0])->cls->name == "TextIOWrapper" &&
             vm.getAttrOpt(a.args[0], vm.intern("_err")) == Value::boolean(true);
  const std::string& s = as<StrObj>(a.args[1])->s;
  if (err) {
    if (vm.onStderr) vm.onStderr(s);
  } else if (vm.onStdout) {
    vm.onStdout(s);
  }
  return vm.newInt(static_cast<std::int64_t>(as<StrObj>(a.args[1])->length));
}
NATIVE(s_flush) { return Value::none(); }
NATIVE(s_getrecursionlimit) { return vm.newInt(vm.recursionLimit); }
NATIVE(s_setrecursionlimit) {
  if (a.n >= 1 && isIntLike(a.args[0])) vm.recursionLimit = static_cast<int>(intOf(a.args[0]));
  return Value::none();
}

NATIVE(f_partial_call) {
  auto& parts = as<TupleObj>(self->data)->items;  // (func, args tuple, kwargs dict)
  std::vector<Value> args = as<TupleObj>(parts[1])->items;
  args.insert(args.end(), a.args, a.args + a.n);
  std::vector<StrObj*> names;
  std::vector<Value> kwvals;
  for (auto& e : as<DictObj>(parts[2])->table.entries()) {
    if (e.key == kNull) continue;
    bool overridden = false;
    for (int i = 0; i < a.nkw(); ++i)
      if ((*a.kwnames)[static_cast<std::size_t>(i)]->s == as<StrObj>(e.key)->s) overridden = true;
    if (overridden) continue;
    names.push_back(vm.intern(as<StrObj>(e.key)->s));
    kwvals.push_back(e.value);
  }
  for (int i = 0; i < a.nkw(); ++i) {
    names.push_back((*a.kwnames)[static_cast<std::size_t>(i)]);
    kwvals.push_back(a.kwvalues[i]);
  }
  std::size_t npos = args.size();
  args.insert(args.end(), kwvals.begin(), kwvals.end());
  CallArgs kw;
  kw.kwnames = &names;
  kw.kwvalues = args.data() + npos;
  return vm.call(parts[0], args.data(), static_cast<int>(npos), names.empty() ? nullptr : &kw);
}
NATIVE(f_partial) {
  if (a.n < 1) return vm.raise(vm.t.TypeError, "type 'partial' takes at least one argument");
  DictObj* kw = vm.newDict();
  for (int i = 0; i < a.nkw(); ++i) kw->table.set(vm, Value::object((*a.kwnames)[static_cast<std::size_t>(i)]), a.kwvalues[i]);
  Value data = vm.newTuple({a.args[0], vm.newTuple(std::vector<Value>(a.args + 1, a.args + a.n)), Value::object(kw)});
  std::string name = "functools.partial";
  return vm.newNative(name, f_partial_call, data);
}
NATIVE(f_reduce) {
  if (a.n < 2) return vm.raise(vm.t.TypeError, "reduce expected at least 2 arguments");
  std::vector<Value> items;
  if (!vm.toVector(a.args[1], items)) return kError;
  std::size_t i = 0;
  Value acc;
  if (a.n >= 3) acc = a.args[2];
  else {
    if (items.empty()) return vm.raise(vm.t.TypeError, "reduce() of empty iterable with no initial value");
    acc = items[i++];
  }
  for (; i < items.size(); ++i) {
    acc = vm.call(a.args[0], {acc, items[i]});
    if (acc == kError) return kError;
  }
  return acc;
}

#undef NATIVE

Value Runtime::makeModule(const std::string& name) {
  if (name == "asyncio") return makeAsyncio();
  if (name == "aiohttp") return makeAiohttp(vm, sim);
  if (name == "aiohttp.web") {  // `import aiohttp.web`: the `web` attribute of aiohttp
    Value a = vm.importModule("aiohttp");
    if (a == kError) return kError;
    return vm.getAttr(a, as<StrObj>(vm.newStr("web")));
  }
  return makeStdlib(name);
}

Value Runtime::makeStdlib(const std::string& name) {
  DictObj* d = vm.newDict();
  if (name == "time") {
    moduleFn(vm, d, "time", t_time);
    moduleFn(vm, d, "monotonic", t_time);
    moduleFn(vm, d, "perf_counter", t_time);
    moduleFn(vm, d, "sleep", t_sleep);
  } else if (name == "random") {
    moduleFn(vm, d, "seed", r_seed);
    moduleFn(vm, d, "random", r_random);
    moduleFn(vm, d, "uniform", r_uniform);
    moduleFn(vm, d, "randint", r_randint);
    moduleFn(vm, d, "randrange", r_randrange);
    moduleFn(vm, d, "choice", r_choice);
    moduleFn(vm, d, "shuffle", r_shuffle);
    moduleFn(vm, d, "sample", r_sample);
  } else if (name == "math") {
    moduleSet(vm, d, "pi", Value::number(M_PI));
    moduleSet(vm, d, "e", Value::number(M_E));
    moduleSet(vm, d, "tau", Value::number(2 * M_PI));
    moduleSet(vm, d, "inf", Value::number(HUGE_VAL));
    moduleSet(vm, d, "nan", Value::number(NAN));
    moduleFn(vm, d, "sqrt", m_sqrt);
    moduleFn(vm, d, "floor", m_floor);
    moduleFn(vm, d, "ceil", m_ceil);
    moduleFn(vm, d, "trunc", m_trunc);
    moduleFn(vm, d, "fabs", m_fabs);
    moduleFn(vm, d, "pow", m_pow);
    moduleFn(vm, d, "log", m_log);
    moduleFn(vm, d, "log2", m_log2);
    moduleFn(vm, d, "log10", m_log10);
    moduleFn(vm, d, "exp", m_exp);
    moduleFn(vm, d, "sin", m_sin);
    moduleFn(vm, d, "cos", m_cos);
    moduleFn(vm, d, "tan", m_tan);
    moduleFn(vm, d, "hypot", m_hypot);
    moduleFn(vm, d, "isclose", m_isclose);
    moduleFn(vm, d, "gcd", m_gcd);
    moduleFn(vm, d, "isqrt", m_isqrt);
    moduleFn(vm, d, "factorial", m_factorial);
    moduleFn(vm, d, "isnan", m_isnan);
    moduleFn(vm, d, "isinf", m_isinf);
  } else if (name == "sys") {
    moduleFn(vm, d, "exit", s_exit);
    moduleFn(vm, d, "getrecursionlimit", s_getrecursionlimit);
    moduleFn(vm, d, "setrecursionlimit", s_setrecursionlimit);
    TypeObj* io = vm.newType("TextIOWrapper", vm.t.object, "_io");
    vm.addMethod(io, "write", s_write_out);
    vm.addMethod(io, "flush", s_flush);
    for (int i = 0; i < 2; ++i) {
      auto* inst = vm.make<InstanceObj>(io, vm.newDict());
      inst->dict->table.set(vm, Value::object(vm.intern("_err")), Value::boolean(i == 1));
      moduleSet(vm, d, i == 0 ? "stdout" : "stderr", Value::object(inst));
    }
    moduleSet(vm, d, "argv", vm.newList({vm.newStr(vm.fileName)}));
    moduleSet(vm, d, "maxsize", vm.newInt((1ll << 47) - 1));
    moduleSet(vm, d, "version_info", vm.newTuple({Value::smallInt(3), Value::smallInt(11), Value::smallInt(2),
                                                  vm.newStr("final"), Value::smallInt(0)}));
    moduleSet(vm, d, "version", vm.newStr("3.11.2 (loopscope)"));
    moduleSet(vm, d, "modules", Value::object(vm.modules));
  } else if (name == "functools") {
    moduleFn(vm, d, "partial", f_partial);
    moduleFn(vm, d, "reduce", f_reduce);
  }
  // The modules of stdlib_*.cpp, and what they add to the ones above.
  Value more = installStdlibModule(vm, name, d);
  if (more == kError) return kError;
  if (more == kNull && d->table.size() == 0) return kNull;
  return newModule(vm, name, d);
}

}  // namespace py
