match {}:
    case {y: 1}:
        pass
