"""A package runnable with -m (its __main__ imports the package's own module)."""
