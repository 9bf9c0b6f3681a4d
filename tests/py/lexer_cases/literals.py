0 00 7 1_000 0x_FF 0XdeadBEEF 0o17 0b1010 1.5 1. .5 1e10 1E-5 1_0.0_1e+1_0 0e0 3j 1.5J
'a' "b" '''c''' """d""" r'\n' Rb'x' bR"y" f'{x}' Fr'{y}' rf"" u'u'
'esc\'aped' "esc\"aped" 'back\\slash' 'multi\
line'
"""triple
'quoted' "inside"
"""
'é' "日本" café = 1; Ωmega_2 = 2
