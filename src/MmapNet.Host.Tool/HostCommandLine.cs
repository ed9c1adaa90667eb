using System;
using System.Collections.Generic;

namespace MmapNet.Host.Tool;

/// <summary>
/// The command line of <c>mmapnet-host</c>: <c>[--python PYTHON] (SCRIPT | -m MODULE | -c COMMAND) [ARGS...]</c>. As with
/// <c>python</c>, options come first and everything after the script, module name or command belongs to the program.
/// </summary>
internal sealed record HostCommandLine
{
    public static readonly string Usage = $"""
        usage: mmapnet-host [--python PYTHON] SCRIPT [ARGS...]
               mmapnet-host [--python PYTHON] -m MODULE [ARGS...]
               mmapnet-host [--python PYTHON] -c COMMAND [ARGS...]
               mmapnet-host [--python PYTHON] --locate

        Runs a Python script or module in CPython embedded with pythonnet, with `import mmap` (and `import mmapnet`)
        served by MmapNet's C# implementation, as `python SCRIPT`, `python -m MODULE` or `python -c COMMAND` would
        run it: same argv,
        tracebacks and exit status. pythonnet's `clr` is available to the program.

          --python PYTHON   the CPython to embed: a libpython (libpython3.X.so.1.0), a python executable, or
                            'bundled' for the one that comes with mmapnet-host (MmapNet.Python.Runtime).
                            Default: $PYTHONNET_PYDLL, else the pyenv versions $PYENV_VERSION names, else the
                            bundled one, else the versions pyenv knows (selected first), else the system's
                            libpython. Python {PythonLocator.SupportedVersionsText} (what pythonnet 3.2.1 supports).
          -m MODULE         run a module, like `python -m MODULE`
          -c COMMAND        run Python source, like `python -c COMMAND`
          --locate          print the Python that would be embedded, and exit (for the bundled one, also
                            the modules that cannot be imported here for want of a system library)
          -h, --help        print this help, and exit
          --version         print the version, and exit

        Exit status: the program's, as python gives it (130 or death by SIGINT after Ctrl-C); 2 for a usage
        error; 125 when no usable Python is found or it cannot be started.
        """;

    public string? Python { get; init; }

    public string? Script { get; init; }

    public string? Module { get; init; }

    public string? Command { get; init; }

    public IReadOnlyList<string> Arguments { get; init; } = [];

    public bool Help { get; init; }

    public bool Version { get; init; }

    public bool Locate { get; init; }

    /// <summary>Parses <paramref name="args"/>; on failure returns <see langword="null"/> with <paramref name="error"/> set.</summary>
    public static HostCommandLine? Parse(IReadOnlyList<string> args, out string? error)
    {
        error = null;
        string? python = null;
        for (int i = 0; i < args.Count; i++)
        {
            string arg = args[i];
            string[] rest = [.. Rest(args, i + 1)];
            switch (arg)
            {
                case "-h" or "--help":
                    return new HostCommandLine { Help = true };
                case "--version":
                    return new HostCommandLine { Version = true };
                case "--locate":
                    return new HostCommandLine { Python = python, Locate = true };
                case "--python":
                    if (i + 1 >= args.Count)
                    {
                        error = "--python needs a value (a libpython or a python executable)";
                        return null;
                    }

                    python = args[++i];
                    continue;
                case "-m":
                    if (rest.Length == 0)
                    {
                        error = "-m needs a module name";
                        return null;
                    }

                    return new HostCommandLine { Python = python, Module = rest[0], Arguments = rest[1..] };
                case "-c":
                    if (rest.Length == 0)
                    {
                        error = "-c needs a command";
                        return null;
                    }

                    return new HostCommandLine { Python = python, Command = rest[0], Arguments = rest[1..] };
            }

            if (arg.StartsWith("--python=", StringComparison.Ordinal))
            {
                python = arg["--python=".Length..];
                continue;
            }

            if (arg.StartsWith("-m", StringComparison.Ordinal) && arg.Length > 2)
            {
                return new HostCommandLine { Python = python, Module = arg[2..], Arguments = rest };
            }

            if (arg.StartsWith("-c", StringComparison.Ordinal) && arg.Length > 2)
            {
                return new HostCommandLine { Python = python, Command = arg[2..], Arguments = rest };
            }

            if (arg.StartsWith('-') && arg != "-")
            {
                error = $"unknown option {arg}";
                return null;
            }

            return new HostCommandLine { Python = python, Script = arg, Arguments = rest };
        }

        error = "nothing to run: give a script, -m MODULE or -c COMMAND";
        return null;
    }

    private static IEnumerable<string> Rest(IReadOnlyList<string> args, int start)
    {
        for (int i = start; i < args.Count; i++)
        {
            yield return args[i];
        }
    }
}
