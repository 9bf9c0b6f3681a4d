match 3:
    case 1 | (n as m):
        pass
    case 3:
        pass
