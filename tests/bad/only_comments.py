# just a comment

# sim: latency https://x 1
