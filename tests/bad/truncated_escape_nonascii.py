x = "é\xZ"
