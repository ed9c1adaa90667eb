using System;
using System.Collections.Generic;

namespace MmapNet.Host;

/// <summary>
/// No usable CPython: the one asked for (<c>--python</c>, <c>PYTHONNET_PYDLL</c>) cannot be used, or the automatic search
/// found none. The message says why and lists every place tried; <see cref="PlacesTried"/> has them one by one.
/// </summary>
public sealed class PythonLocatorException : Exception
{
    /// <summary>Creates the exception with no message.</summary>
    public PythonLocatorException()
        : this("No usable Python was found.", Array.Empty<string>())
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public PythonLocatorException(string message)
        : this(message, Array.Empty<string>())
    {
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The underlying failure.</param>
    public PythonLocatorException(string message, Exception innerException)
        : base(message, innerException)
    {
        PlacesTried = Array.Empty<string>();
    }

    /// <summary>Creates the exception with a message and the places tried.</summary>
    /// <param name="message">What went wrong, including the places tried.</param>
    /// <param name="placesTried">Each place tried, with what was found there.</param>
    public PythonLocatorException(string message, IReadOnlyList<string> placesTried)
        : base(message)
    {
        PlacesTried = placesTried;
    }

    /// <summary>Each place tried, with what was found there (for example <c>pyenv 3.10.13 (...): Python 3.10.13, not supported</c>).</summary>
    public IReadOnlyList<string> PlacesTried { get; }
}
