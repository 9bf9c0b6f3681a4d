async def main():
    return result := 1
