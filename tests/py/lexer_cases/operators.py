a+b-c*d/e//f%g**h@i
a<<b>>c&d|e^f~g
a<b>c<=d>=e==f!=g
a+=1;a-=1;a*=1;a/=1;a//=1;a%=1;a**=1;a@=1;a<<=1;a>>=1;a&=1;a|=1;a^=1
def f(x) -> int: ...
x = (lambda: 0)(), [1][0], {1: 2}
a.b.c
