"""Does not compile: python and python -m mmapnet run must report it the same way."""

print("never printed"
