for i in x:
    try:
        pass
    except* A:
        break
