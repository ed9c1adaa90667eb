using System;
using System.Globalization;

namespace MmapNet;

/// <summary>
/// The reading of a CPython version out of the texts Python gives it in: the one parser, compiled into every project that
/// sets UsesSupportedPythons (Directory.Build.targets), with the supported range. A shared source file rather than a
/// reference, so that the module loaded into Python (MmapNet.CPython) gets it without loading the discovery layer.
/// </summary>
internal static class PythonVersionText
{
    /// <summary>
    /// The leading "major.minor[.micro]" of a text: <c>Py_GetVersion</c>'s "3.12.1 (main, ...) [GCC 12.2.0]" or
    /// "3.13.0rc1+ ...", a pyenv version folder's "3.11.7", the tail of a library's name "3.12.so.1.0". A missing micro
    /// number is 0.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <returns>The version, or <see langword="null"/> when the text does not start with major.minor.</returns>
    public static Version? Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int end = 0;
        while (end < text.Length && (char.IsAsciiDigit(text[end]) || text[end] == '.'))
        {
            end++;
        }

        string[] parts = text[..end].Split('.', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 2 ||
            !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int major) ||
            !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int minor))
        {
            return null;
        }

        int micro = parts.Length > 2 && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out int value) ? value : 0;
        return new Version(major, minor, micro);
    }
}
