using System;
using System.Reflection;
using MmapNet.Host;
using MmapNet.Host.Tool;
using Python.Runtime;

// mmapnet-host: python's command line for scripts and modules, in CPython embedded with pythonnet.
// Exit statuses of the host itself, as opposed to the program's: 2 for a usage error (as python), 125 when Python cannot
// be found or started.
const int UsageError = 2;
const int CannotStart = 125;

ForkSafeRuntime.RestartIfNeeded();

HostCommandLine? command = HostCommandLine.Parse(args, out string? error);
if (command is null)
{
    Console.Error.WriteLine($"mmapnet-host: {error}");
    Console.Error.WriteLine(HostCommandLine.Usage);
    return UsageError;
}

if (command.Help)
{
    Console.WriteLine(HostCommandLine.Usage);
    return 0;
}

if (command.Version)
{
    string version = typeof(EmbeddedPython).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
    Console.WriteLine($"mmapnet-host {version} (pythonnet {typeof(PythonEngine).Assembly.GetName().Version})");
    return 0;
}

LocatedPython python;
try
{
    python = new PythonLocator().Locate(command.Python);
}
catch (PythonLocatorException exception)
{
    Console.Error.WriteLine($"mmapnet-host: {exception.Message}");
    return CannotStart;
}

if (command.Locate)
{
    Console.WriteLine(python);
    if (python.Home is not null && BundledPython.Containing(python.LibraryPath) is { } bundled)
    {
        foreach ((SystemLibraryRequirement library, string problem) in bundled.FindMissingSystemLibraries())
        {
            Console.WriteLine($"  not importable here: {string.Join(", ", library.NeededBy)} ({problem})");
        }
    }

    return 0;
}

EmbeddedPython embedded;
try
{
    embedded = EmbeddedPython.Start(python, new EmbeddedPythonOptions { InstallSignalHandlers = true });
}
catch (Exception exception) when (exception is InvalidOperationException or PythonException or PythonLocatorException or DllNotFoundException or EntryPointNotFoundException)
{
    Console.Error.WriteLine($"mmapnet-host: cannot start {python}: {exception.Message}");
    return CannotStart;
}

int status;
bool interrupted;
try
{
    status = command switch
    {
        { Module: { } module } => embedded.RunModule(module, command.Arguments),
        { Command: { } source } => embedded.RunCommand(source, command.Arguments),
        _ => embedded.RunFile(command.Script!, command.Arguments),
    };
    int finishStatus = embedded.Finish();
    if (finishStatus != 0)
    {
        status = finishStatus;
    }

    interrupted = embedded.EndedWithKeyboardInterrupt;
}
finally
{
    embedded.Dispose();
}

return interrupted ? EmbeddedPython.TerminateByKeyboardInterrupt() : status;
