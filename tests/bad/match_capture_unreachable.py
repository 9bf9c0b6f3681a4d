command = "go"
match command:
    case other:
        print(other)
    case "quit":
        print("bye")
