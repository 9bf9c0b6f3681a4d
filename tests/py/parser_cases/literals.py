# Literals: numbers, strings, escapes, prefixes, concatenation, f-strings.
0, 00, 0_0, 7, 1_000_000, 0x_FF, 0XdeadBEEF, 0o17, 0O1_7, 0b1010, 0B_1
123456789012345678901234567890, 0xffffffffffffffffffffffffffffffff
1.5, 1., .5, 1e10, 1E-5, 1_0.0_1e+1_0, 0.1, 1e400, 3.14159265358979323846, 0e0, 00.5
'a', "b", '''c''', """d""", r'\n', R"\t", u'u', U"U"
'\n\t\\\'\"\a\b\f\v\r', '\x41\u00e9\U0001F600', '\101\7\0', '\d\q', 'tab\
continued'
'a' "b" '''c'''
"é ü 日本 😀"
"""multi
line
string"""
f'plain', F"upper", rf'{x}\n', fR'{x}', Rf"\d{y}"
f'{x}', f'{x!r}', f'{x!s:>10}', f'{x!a}', f'{x:{w}.{p}f}', f'{{literal}}', f'a{{b}}c{d}e'
f'{x=}', f'{x = }', f'{x=!s}', f'{x=:>5}', f'{ x + 1 }', f'{d["k"]}', f"{d['k']}"
f'{a}' 'b' f'{c}', 'a' f'{b}', f'{"nested" + f"{x}"}', f'{x:=10}', f'{a if b else c}'
f'{3.14:.2f}|{n:,}|{s!r:^20}|{v:#x}', f"{lambda_x}", f'{[1, 2][0]}', f'{ {"a": 1}["a"] }'
f'''triple {x}
second {y!r}''', f'\t{x}\n', f'{x}' f'{x}'
f'{x:%H:%M}', f'{x:{{}}>10}' if 0 else 1
f'a\{x}b\{{y}}'
