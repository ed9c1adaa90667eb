using System;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace MmapNet.Discovery;

/// <summary>What an interpreter says about itself when queried.</summary>
internal sealed record InterpreterFacts(
    Version Version,
    string Implementation,
    string? LibPythonPath,
    bool HasStdlibMmapTests)
{
    public bool IsCPython => Implementation == "cpython";
}

/// <summary>An interpreter could not be queried; the message completes "'path', which ...".</summary>
internal sealed class InterpreterQueryException : Exception
{
    public InterpreterQueryException()
    {
    }

    public InterpreterQueryException(string message)
        : base(message)
    {
    }

    public InterpreterQueryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>Runs an interpreter once with a small program that prints, as JSON, what discovery needs to know.</summary>
internal sealed class InterpreterQuery(TimeSpan timeout)
{
    // Runs under -I (isolated: no PYTHON* variables, no user site, no current folder on sys.path) so that the answer is the
    // interpreter's own and a stray "test" package in the caller's folder cannot shadow the standard library's.
    // Kept to syntax every Python 3 accepts, so that an old interpreter still reports its version.
    internal const string Program = """
        import json, sys, sysconfig
        try:
            import importlib.util
            has_test_mmap = importlib.util.find_spec("test.test_mmap") is not None
        except Exception:
            has_test_mmap = False
        v = sysconfig.get_config_var
        print(json.dumps({
            "version": list(sys.version_info[:3]),
            "implementation": sys.implementation.name,
            "libdir": v("LIBDIR"),
            "ldlibrary": v("LDLIBRARY"),
            "instsoname": v("INSTSONAME"),
            "enable_shared": v("Py_ENABLE_SHARED"),
            "test_mmap": has_test_mmap,
        }))
        """;

    public InterpreterFacts Run(string executable)
    {
        ChildProgramResult? result;
        try
        {
            result = ChildProgram.Run(executable, ["-I", "-c", Program], timeout);
        }
        catch (ChildProgramException exception)
        {
            throw new InterpreterQueryException($"{exception.Message}.", exception);
        }

        if (result is null)
        {
            throw new InterpreterQueryException($"did not answer the version query within {timeout.TotalSeconds:0} s.");
        }

        if (result.ExitCode != 0)
        {
            string lastLine = LastNonEmptyLine(result.Stderr) ?? "no message";
            throw new InterpreterQueryException($"failed the version query (exit code {result.ExitCode}): {lastLine}");
        }

        return Parse(result.Stdout);
    }

    internal static InterpreterFacts Parse(string json)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(json);
            JsonElement root = document.RootElement;
            int[] parts = root.GetProperty("version").EnumerateArray().Select(e => e.GetInt32()).ToArray();
            string? libdir = OptionalString(root, "libdir");
            string?[] names = new[] { OptionalString(root, "instsoname"), OptionalString(root, "ldlibrary") };
            return new InterpreterFacts(
                new Version(parts[0], parts[1], parts[2]),
                root.GetProperty("implementation").GetString() ?? "unknown",
                FindLibPython(libdir, names),
                root.GetProperty("test_mmap").GetBoolean());
        }
        catch (Exception exception) when (exception is JsonException or System.Collections.Generic.KeyNotFoundException or InvalidOperationException or IndexOutOfRangeException)
        {
            throw new InterpreterQueryException($"gave an answer to the version query that could not be read: {json.Trim()}", exception);
        }
    }

    // INSTSONAME (libpython3.X.so.1.0) comes first: it is the runtime library itself, present whenever the interpreter's
    // shared library is installed, while the unversioned LDLIBRARY symlink (libpython3.X.so) only comes with development
    // packages on Debian. A static archive (.a) is no use to a host that loads the library.
    private static string? FindLibPython(string? libdir, string?[] names)
    {
        if (string.IsNullOrEmpty(libdir))
        {
            return null;
        }

        foreach (string? name in names)
        {
            if (string.IsNullOrEmpty(name) || name.EndsWith(".a", StringComparison.Ordinal))
            {
                continue;
            }

            string candidate = Path.Combine(libdir, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static string? OptionalString(JsonElement root, string name) =>
        root.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string? LastNonEmptyLine(string text) =>
        text.Split('\n').Select(line => line.TrimEnd()).LastOrDefault(line => line.Length > 0);
}
