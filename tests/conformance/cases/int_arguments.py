# int(x=0, /, base=10): base by position or by name, base 0 reading the
# literal's own prefix, bytes, __int__ / __index__, and CPython's errors for
# every misuse of the arguments; Unicode digits and white space.
def t(label, f):
    try:
        r = f()
        print(label, "->", repr(r))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)


t("int('ff', 16)", lambda: int('ff', 16))
t("int('ff', base=16)", lambda: int('ff', base=16))
t("int('0xff', base=0)", lambda: int('0xff', base=0))
t("int('0b101', 0)", lambda: int('0b101', 0))
t("int('0o17', base=0)", lambda: int('0o17', base=0))
t("int('017', base=0)", lambda: int('017', base=0))
t("int('0', base=0)", lambda: int('0', base=0))
t("int('00', base=0)", lambda: int('00', base=0))
t("int('1_000', base=0)", lambda: int('1_000', base=0))
t("int('ff', base=0)", lambda: int('ff', base=0))
t("int(x='5')", lambda: int(x='5'))
t("int(x=5)", lambda: int(x=5))
t("int('5', x=5)", lambda: int('5', x=5))
t("int(base=16)", lambda: int(base=16))
t("int(5, base=16)", lambda: int(5, base=16))
t("int(5, 16)", lambda: int(5, 16))
t("int('5', base='16')", lambda: int('5', base='16'))
t("int('5', base=1)", lambda: int('5', base=1))
t("int('5', base=37)", lambda: int('5', base=37))
t("int('5', base=-1)", lambda: int('5', base=-1))
t("int('5', 16, 3)", lambda: int('5', 16, 3))
t("int('5', 16, base=3)", lambda: int('5', 16, base=3))
t("int('5', bse=3)", lambda: int('5', bse=3))
t("int('z', 36)", lambda: int('z', 36))
t("int('Z', base=36)", lambda: int('Z', base=36))
t("int(b'ff', 16)", lambda: int(b'ff', 16))
t("int(' -0x1F ', 16)", lambda: int(' -0x1F ', 16))
t("int('0x1F', 10)", lambda: int('0x1F', 10))
t("int('12', base=True)", lambda: int('12', base=True))
t("int('12', base=2.0)", lambda: int('12', base=2.0))
t("int('12', base=None)", lambda: int('12', base=None))
t("int(3.7)", lambda: int(3.7))
t("int('3.7')", lambda: int('3.7'))
t("int(None)", lambda: int(None))
t("int([1])", lambda: int([1]))
t("int('')", lambda: int(''))
t("int('', 0)", lambda: int('', 0))
t("int(True, base=2)", lambda: int(True, base=2))
t("int('101', 2)", lambda: int('101', 2))
t("int(' 42 ')", lambda: int(' 42 '))
t("int('4_2')", lambda: int('4_2'))
t("int('4__2')", lambda: int('4__2'))
t("int('_42')", lambda: int('_42'))
t("int('0x_ff', 16)", lambda: int('0x_ff', 16))
t("int('0x_ff', 0)", lambda: int('0x_ff', 0))
t("int(*['ff', 16])", lambda: int(*['ff', 16]))
t("int(**{'base': 8}, x='17')", lambda: int(**{'base': 8}, x='17'))
t("long", lambda: int('x' * 300))
t("long16", lambda: int('é' * 150, 16))
t("bytes", lambda: int(b'zz', 16))
t("bytes10", lambda: int(b' 12 '))
t("bytes bad", lambda: int(b'1.5'))
t("kw3", lambda: int(a=1, b=2, c=3))
t("kw bse", lambda: int(base=16, bse=3))
t("kw x base", lambda: int(base=16, x='5'))
t("pos kw", lambda: int('5', base=16, bse=3))
t("base big", lambda: int('5', 10**30))
t("base neg big", lambda: int('5', -10**30))
t("base 0 prefix", lambda: int('0X1f', 0))
t("base 16 prefix", lambda: int('0x1f', 16))
t("base 8 prefix", lambda: int('0o17', 8))
t("base 2 prefix", lambda: int('0b11', 2))
t("base 36", lambda: int('0x1f', 36))
t("empty bytes", lambda: int(b''))
t("int(x, 10)", lambda: int('  -7 ', 10))
t("float inf", lambda: int(float('inf')))
t("int(x=) none", lambda: int(x=None))
t("int() zero", lambda: int())


class Index:
    def __index__(self):
        return 16


class HasInt:
    def __int__(self):
        return 7


class HasIndex:
    def __index__(self):
        return 9


class BadIndex:
    def __index__(self):
        return "16"


class BadInt:
    def __int__(self):
        return 2.5


t("base via __index__", lambda: int("ff", Index()))
t("base=__index__", lambda: int("ff", base=Index()))
t("__int__", lambda: int(HasInt()))
t("__int__ with base", lambda: int(HasInt(), 10))
t("__index__", lambda: int(HasIndex()))
t("__index__ returns str", lambda: int("ff", BadIndex()))
t("__int__ returns float", lambda: int(BadInt()))
t("hex round trip", lambda: [int(hex(n), 0) for n in (0, 255, -4096, 2**70)])
t("every base", lambda: [int("11", b) for b in range(2, 37)])


# Any Unicode decimal digit and any white space around the number count.
t("arabic", lambda: int('١٢٣'))
t("devanagari", lambda: int('९८७'))
t("fullwidth", lambda: int('１２'))
t("mixed", lambda: int('1٢3'))
t("ideographic space", lambda: int('\u3000 42\u2003'))
t("nbsp", lambda: int('\xa07\xa0'))
t("base 16 arabic", lambda: int('١f', 16))
t("superscript", lambda: int('²'))
t("roman numeral", lambda: int('Ⅻ'))
t("del", lambda: int('1\x7f'))
t("letter", lambda: int('1é'))
t("math bold", lambda: int('𝟏𝟐'))
t("underscore", lambda: int('١_٢'))
t("negative", lambda: int('-٣'))
t("base 0", lambda: int('٠x1f', 0))
