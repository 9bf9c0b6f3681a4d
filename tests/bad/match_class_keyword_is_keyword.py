match 1:
    case int(if=1):
        pass
