"""An uncaught exception with a cause and a context: python prints both tracebacks."""


def inner():
    raise ValueError("inner problem")


def outer():
    try:
        inner()
    except ValueError as error:
        raise KeyError("outer problem") from error


try:
    outer()
finally:
    print("finally ran")
