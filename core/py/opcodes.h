// opcodes.h: the bytecode instruction set, defined once.
//
// X(name, stack effect, semantics). The stack effect is the net change for
// a fixed-effect opcode; kVar marks an opcode whose effect depends on its
// argument (see stackEffect in code.cpp). TOS is the top of stack, S[-n]
// the n-th from the top. Jump arguments are absolute instruction indexes.
#pragma once

#include <cstdint>

namespace py {

inline constexpr int kVar = 1000;

#define LS_OPCODES(X)                                                                    \
  X(NOP, 0, "do nothing")                                                                 \
  X(POP_TOP, -1, "pop TOS")                                                               \
  X(POP_EXPR, -1, "pop a call statement's value (warns if a never-started coroutine)")    \
  X(COPY, 1, "push S[-arg]")                                                              \
  X(SWAP, 0, "swap TOS and S[-arg]")                                                      \
  X(PUSH_NULL, 1, "push the null marker (no self for CALL)")                              \
  X(LOAD_CONST, 1, "push consts[arg]")                                                    \
  X(LOAD_FAST, 1, "push locals[arg] (UnboundLocalError if unset)")                        \
  X(STORE_FAST, -1, "locals[arg] = pop")                                                  \
  X(DELETE_FAST, 0, "unset locals[arg]")                                                  \
  X(LOAD_DEREF, 1, "push cells[arg].value")                                               \
  X(STORE_DEREF, -1, "cells[arg].value = pop")                                            \
  X(DELETE_DEREF, 0, "unset cells[arg]")                                                  \
  X(LOAD_CLOSURE, 1, "push the cell object cells[arg]")                                   \
  X(LOAD_GLOBAL, 1, "push globals[names[arg]] or builtins[...]")                          \
  X(STORE_GLOBAL, -1, "globals[names[arg]] = pop")                                        \
  X(DELETE_GLOBAL, 0, "del globals[names[arg]]")                                          \
  X(LOAD_NAME, 1, "push locals-dict/globals/builtins[names[arg]]")                        \
  X(STORE_NAME, -1, "locals-dict[names[arg]] = pop")                                      \
  X(DELETE_NAME, 0, "del locals-dict[names[arg]]")                                        \
  X(LOAD_ATTR, 0, "TOS = getattr(TOS, names[arg])")                                       \
  X(STORE_ATTR, -2, "setattr(S[-1], names[arg], S[-2]); pop both")                        \
  X(DELETE_ATTR, -1, "delattr(pop, names[arg])")                                          \
  X(LOAD_METHOD, 1, "TOS -> (method, self) or (attr, null)")                              \
  X(CALL, kVar, "call S[-arg-2] with self S[-arg-1] (unless null) and arg args")          \
  X(CALL_KW, kVar, "as CALL; TOS is a tuple of keyword names for the last args")          \
  X(CALL_EX, kVar, "call S[-3-(arg&1)] with *S[..] tuple and **TOS dict if arg&1")        \
  X(BINARY_OP, -1, "TOS = S[-2] op TOS (arg: BinOpKind, +16 for in-place)")               \
  X(UNARY_OP, 0, "TOS = op TOS (arg: UnaryOpKind)")                                       \
  X(COMPARE_OP, -1, "TOS = S[-2] cmp TOS (arg: CmpOpKind, Eq..GtE)")                      \
  X(IS_OP, -1, "TOS = S[-2] is TOS (arg 1: is not)")                                      \
  X(CONTAINS_OP, -1, "TOS = S[-2] in TOS (arg 1: not in)")                                \
  X(BINARY_SUBSCR, -1, "TOS = S[-2][TOS]")                                                \
  X(STORE_SUBSCR, -3, "S[-2][TOS] = S[-3]")                                               \
  X(DELETE_SUBSCR, -2, "del S[-2][TOS]")                                                  \
  X(BUILD_SLICE, kVar, "push slice(arg items)")                                           \
  X(BUILD_LIST, kVar, "push list of the top arg items")                                   \
  X(BUILD_TUPLE, kVar, "push tuple of the top arg items")                                 \
  X(BUILD_SET, kVar, "push set of the top arg items")                                     \
  X(BUILD_MAP, kVar, "push dict of the top arg key/value pairs")                          \
  X(BUILD_STRING, kVar, "push concatenation of the top arg strings")                      \
  X(LIST_APPEND, -1, "S[-arg-1].append(pop)")                                             \
  X(SET_ADD, -1, "S[-arg-1].add(pop)")                                                    \
  X(MAP_ADD, -2, "S[-arg-2][S[-2]] = TOS; pop both")                                      \
  X(LIST_EXTEND, -1, "S[-arg-1].extend(pop)")                                             \
  X(SET_UPDATE, -1, "S[-arg-1].update(pop)")                                              \
  X(DICT_UPDATE, -1, "S[-arg-1].update(pop) (for {**m} and **kwargs)")                    \
  X(LIST_TO_TUPLE, 0, "TOS = tuple(TOS)")                                                 \
  X(FORMAT_VALUE, kVar, "format TOS (arg&3: conversion none/s/r/a; arg&4: spec below)")   \
  X(UNPACK_SEQUENCE, kVar, "pop an iterable of exactly arg items, push them last first")  \
  X(UNPACK_EX, kVar, "as UNPACK_SEQUENCE with a starred list: arg = before | after << 8") \
  X(JUMP, 0, "ip = arg")                                                                  \
  X(POP_JUMP_IF_FALSE, -1, "if not pop: ip = arg")                                        \
  X(POP_JUMP_IF_TRUE, -1, "if pop: ip = arg")                                             \
  X(JUMP_IF_FALSE_OR_POP, kVar, "if not TOS: ip = arg else pop")                          \
  X(JUMP_IF_TRUE_OR_POP, kVar, "if TOS: ip = arg else pop")                               \
  X(GET_ITER, 0, "TOS = iter(TOS)")                                                       \
  X(FOR_ITER, kVar, "push next(TOS), or pop the iterator and ip = arg when exhausted")    \
  X(GET_AITER, 0, "TOS = TOS.__aiter__()")                                                \
  X(GET_ANEXT, 1, "push awaitable TOS.__anext__()")                                       \
  X(END_ASYNC_FOR, -2, "TOS is an exception: StopAsyncIteration pops it and the aiter")   \
  X(POP_AITER, -1, "pop the fresh aiter an `async for` leaves early (finalizes an agen)")  \
  X(RETURN_VALUE, -1, "return pop to the caller")                                         \
  X(YIELD_VALUE, 0, "yield TOS; TOS becomes the value sent in (arg 1: inside yield from)") \
  X(GET_YIELD_FROM_ITER, 0, "TOS = iter(TOS) for yield from (generators as they are)")     \
  X(SEND, 0, "send TOS into the iterator TOS1: push what it yields, or pop both, push its result and jump to arg") \
  X(GET_AWAITABLE, 0, "TOS = the awaitable behind TOS (coroutine, future, __await__)")    \
  X(AWAIT, 0, "TOS = result of awaiting TOS; may suspend the whole task")                 \
  X(MAKE_FUNCTION, kVar, "pop code (and defaults/kwdefaults/closure per arg bits)")       \
  X(BUILD_CLASS, kVar, "call class body S[-arg-2] as a namespace; name S[-arg-1]; bases")  \
  X(IMPORT_NAME, 1, "push module names[arg]")                                             \
  X(IMPORT_FROM, 1, "push getattr(TOS, names[arg]) (ImportError if absent)")              \
  X(SETUP_EXCEPT, 0, "push a handler block: on exception truncate stack, push exc, ip=arg") \
  X(POP_BLOCK, 0, "pop the innermost handler block")                                      \
  X(PUSH_EXC_INFO, 1, "TOS exc -> (previous handled exc, exc); exc becomes handled")      \
  X(POP_EXCEPT, -1, "handled exc = pop (the previous one)")                               \
  X(CHECK_EXC_MATCH, 0, "TOS = isinstance(S[-2], TOS) for exception types (TOS popped)")  \
  X(CHECK_EG_MATCH, 0, "split S[-2] by type TOS: S[-2] = the rest (or None), TOS = the match (or None)") \
  X(RERAISE, kVar, "exc = pop; pop arg-1 more; handled = pop; raise exc again")           \
  X(RAISE_VARARGS, kVar, "raise (0: re-raise handled; 1: TOS; 2: S[-2] from TOS)")        \
  X(BEFORE_WITH, 1, "TOS cm -> (cm.__exit__, cm.__enter__())")                            \
  X(BEFORE_ASYNC_WITH, 1, "TOS cm -> (cm.__aexit__, awaitable cm.__aenter__())")          \
  X(WITH_EXC_ARGS, 3, "push type(TOS), TOS, None for __exit__")                           \
  X(LOAD_ASSERTION_ERROR, 1, "push AssertionError")                                       \
  X(LINE, 0, "no-op marker (line tables are per instruction)")

enum class Op : std::uint8_t {
#define LS_OP_ENUM(name, effect, doc) name,
  LS_OPCODES(LS_OP_ENUM)
#undef LS_OP_ENUM
      COUNT
};

const char* opName(Op op);

}  // namespace py
