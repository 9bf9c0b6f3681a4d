class Config:
    names = [(last := n) for n in ("a", "b")]
