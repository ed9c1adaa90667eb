using System;

namespace MmapNet.Discovery;

/// <summary>
/// An interpreter that was asked for explicitly (through <see cref="InterpreterLocator.OverrideVariable"/> or
/// <see cref="InterpreterLocator.Inspect"/>) cannot be used: it does not exist, cannot be run, does not answer the query,
/// or is not a supported CPython version. The message names the path and the reason.
/// </summary>
public sealed class InterpreterDiscoveryException : Exception
{
    /// <summary>Creates the exception with a message and no inner exception.</summary>
    public InterpreterDiscoveryException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What went wrong, naming the interpreter path.</param>
    public InterpreterDiscoveryException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    /// <param name="message">What went wrong, naming the interpreter path.</param>
    /// <param name="innerException">The underlying failure.</param>
    public InterpreterDiscoveryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
