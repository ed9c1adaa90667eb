using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MmapNet.Conformance.Cases;
using MmapNet.Conformance.Reports;
using MmapNet.Conformance.Running;
using MmapNet.Discovery;
using Spectre.Console;

namespace MmapNet.Conformance.Cli;

/// <summary>The runner's command line: options, and what running it does.</summary>
public static class ConformanceCommand
{
    /// <summary>Exit code when the implementation conforms.</summary>
    public const int ExitConforms = 0;

    /// <summary>Exit code when something differs, crashed, timed out or could not run.</summary>
    public const int ExitDiffers = 1;

    /// <summary>Exit code for a usage or setup problem (bad option, no interpreter, no case selected).</summary>
    public const int ExitUsage = 2;

    /// <summary>Parses <paramref name="args"/> and runs the suite, writing to <paramref name="console"/>.</summary>
    /// <param name="args">The command-line arguments.</param>
    /// <param name="console">Where progress, tables and diffs go.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>The exit code: <see cref="ExitConforms"/>, <see cref="ExitDiffers"/> or <see cref="ExitUsage"/>.</returns>
    public static async Task<int> RunAsync(string[] args, IAnsiConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(console);
        Options options = new();
        RootCommand root = options.CreateRootCommand();
        ParseResult parseResult = root.Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            foreach (ParseError error in parseResult.Errors)
            {
                console.MarkupLine($"[red]{Markup.Escape(error.Message)}[/]");
            }

            console.WriteLine("Run with --help for the options.");
            return ExitUsage;
        }

        if (!Options.IsRunRequest(parseResult))
        {
            // --help, --version: System.CommandLine's own actions.
            StringWriter output = new(CultureInfo.InvariantCulture);
            int exit = await parseResult.InvokeAsync(new InvocationConfiguration { Output = output, Error = output }, cancellationToken)
                .ConfigureAwait(false);
            console.Write(new Text(output.ToString()));
            return exit;
        }

        try
        {
            return await RunAsync(options.Read(parseResult), console, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is UsageException or InterpreterDiscoveryException or ArgumentException
                                              or DirectoryNotFoundException or FormatException)
        {
            console.MarkupLine($"[red]{Markup.Escape(exception.Message)}[/]");
            return ExitUsage;
        }
    }

    private static async Task<int> RunAsync(RunRequest request, IAnsiConsole console, CancellationToken cancellationToken)
    {
        RepositoryLayout layout = RepositoryLayout.Locate(request.RepositoryFolder);
        string casesFolder = Path.GetFullPath(request.CasesFolder ?? layout.CasesFolder);
        if (!Directory.Exists(casesFolder))
        {
            throw new UsageException($"The cases folder {casesFolder} does not exist.");
        }

        CaseSelector selector = CaseSelector.Parse(request.Keywords);
        IReadOnlyList<ConformanceCase> cases = selector.Select(CaseCatalog.Discover(casesFolder));
        InterpreterLocator locator = new();
        List<string> installed = request.Pythons.Where(python => python != BundledInterpreter.Name).ToList();
        bool bundledRequested = installed.Count < request.Pythons.Count;
        if (bundledRequested && request.Flavour != ImplementationFlavour.Host)
        {
            throw new UsageException(
                $"--python {BundledInterpreter.Name} runs in the host flavour only (--flavour host): mmapnet-host's bundled CPython has no python executable.");
        }

        List<PythonInterpreter> interpreters = (bundledRequested && installed.Count == 0 ? [] : InterpreterSelection.Select(installed, locator, () => locator.FindAll()))
            .Where(interpreter => ImplementationFlavours.Supports(request.Flavour, interpreter.Version))
            .ToList();
        if (bundledRequested)
        {
            interpreters.Add(BundledInterpreter.Describe(layout.HostExecutable));
        }

        if (interpreters.Count == 0)
        {
            throw new UsageException(
                request.Flavour == ImplementationFlavour.Python
                    ? $"No supported CPython interpreter ({PythonVersions.SupportedRange}) was found under pyenv or at /usr/bin/python3; " +
                      $"name some with --python or {InterpreterLocator.OverrideVariable}."
                    : $"No CPython {PythonVersions.OldestEmbeddable} to {PythonVersions.NewestSupported}, which the {ImplementationFlavours.Name(request.Flavour)} flavour needs (pythonnet), " +
                      $"was found or selected; name some with --python or {InterpreterLocator.OverrideVariable}.");
        }

        if (request.ListOnly)
        {
            foreach (PythonInterpreter? interpreter in interpreters)
            {
                console.WriteLine($"interpreter {interpreter.Label} {interpreter.ExecutablePath}");
            }

            foreach (ConformanceCase conformanceCase in cases)
            {
                console.WriteLine($"case {conformanceCase.Id}");
            }

            return ExitConforms;
        }

        if (cases.Count == 0)
        {
            throw new UsageException(request.Keywords.Count == 0
                ? $"No case under {casesFolder} (cases are <area>/<name>.py files)."
                : $"No case under {casesFolder} matches -k {string.Join(" -k ", request.Keywords.Select(k => $"'{k}'"))}.");
        }

        RunSettings settings = new()
        {
            Layout = layout,
            ImplementationModule = request.Implementation,
            Flavour = request.Flavour,
            ExtraPythonPaths = request.PythonPaths,
            CaseTimeout = request.Timeout,
            StdlibTestTimeout = request.StdlibTimeout,
            Jobs = request.Jobs,
        };
        console.MarkupLine(
            $"Comparing [bold]{Markup.Escape(settings.ImplementationModule)}[/] ({ImplementationFlavours.Name(settings.Flavour)} flavour) " +
            $"with CPython's mmap: {cases.Count} case(s) on " +
            $"{Markup.Escape(string.Join(", ", interpreters.Select(i => i.Label)))}, {settings.Jobs} at a time.");

        ConsoleReporter reporter = new(console);
        SuiteResult suite = await reporter.RunWithProgressAsync(
            interpreters,
            cases.Count,
            observer => ConformanceSuite.RunAsync(
                settings, interpreters, cases, casesFolder, !request.NoStdlibTests, observer, cancellationToken)).ConfigureAwait(false);

        string reportFolder = Path.GetFullPath(request.ReportFolder ?? layout.DefaultReportFolder);
        ReportWriter.Write(suite, reportFolder);
        reporter.ShowSummary(suite);
        reporter.ShowFailures(suite);
        reporter.ShowVerdict(suite, reportFolder);
        return suite.Succeeded ? ExitConforms : ExitDiffers;
    }

    /// <summary>A problem with what the user asked for; reported as a message and <see cref="ExitUsage"/>.</summary>
    private sealed class UsageException(string message) : Exception(message);

    private sealed record RunRequest(
        string Implementation,
        ImplementationFlavour Flavour,
        IReadOnlyList<string> Pythons,
        IReadOnlyList<string> Keywords,
        string? CasesFolder,
        TimeSpan Timeout,
        int Jobs,
        string? ReportFolder,
        IReadOnlyList<string> PythonPaths,
        bool NoStdlibTests,
        TimeSpan StdlibTimeout,
        bool ListOnly,
        string? RepositoryFolder);

    private sealed class Options
    {
        private readonly Option<string> _implementation = new("--impl")
        {
            Description = "The module that replaces mmap on the implementation side.",
            HelpName = "MODULE",
            DefaultValueFactory = _ => RunSettings.DefaultImplementationModule,
        };

        private readonly Option<string> _flavour = new("--flavour")
        {
            Description = "How the implementation side runs: 'python' (the interpreter itself), 'host' (CPython embedded in .NET by " +
                "mmapnet-host, with pythonnet) or 'clr' (the interpreter, with pythonnet's clr initialised at import mmapnet). " +
                $"The pythonnet flavours run on {PythonVersions.OldestEmbeddable} to {PythonVersions.NewestSupported} only.",
            HelpName = "python|host|clr",
            DefaultValueFactory = _ => ImplementationFlavours.Name(ImplementationFlavour.Python),
        };

        private readonly Option<string[]> _pythons = new("--python")
        {
            Description = "An interpreter to use: a label (3.11.7-pyenv), a version prefix (3.12) or an executable path; or " +
                "'bundled', the CPython mmapnet-host carries (host flavour; both sides then run under the host). " +
                "Repeatable. Default: every interpreter found (or those in " + InterpreterLocator.OverrideVariable + ").",
            HelpName = "LABEL|VERSION|PATH",
        };

        private readonly Option<string[]> _keywords = new("-k")
        {
            Description = "Select cases whose area/name contains a substring; 'a or b', 'a and b', 'not a' work. " +
                "Repeatable: a case must match every -k.",
            HelpName = "EXPR",
        };

        private readonly Option<string?> _cases = new("--cases")
        {
            Description = "The cases root (<root>/<area>/<name>.py). Default: conformance/cases.",
            HelpName = "DIR",
        };

        private readonly Option<double> _timeout = new("--timeout")
        {
            Description = "Time limit of one run of a case, in seconds; past it the run's process tree is killed.",
            HelpName = "SECONDS",
            DefaultValueFactory = _ => RunSettings.DefaultCaseTimeout.TotalSeconds,
        };

        private readonly Option<int> _jobs = new("--jobs", "-j")
        {
            Description = "How many (interpreter, case) pairs run at once.",
            HelpName = "N",
            DefaultValueFactory = _ => Environment.ProcessorCount,
        };

        private readonly Option<string?> _report = new("--report")
        {
            Description = "The report folder (report.md, report.json, report.html). Default: artifacts/conformance-report.",
            HelpName = "DIR",
        };

        private readonly Option<string[]> _pythonPaths = new("--python-path")
        {
            Description = "A folder to add to PYTHONPATH (after the repository's python/), where the --impl module lives. Repeatable.",
            HelpName = "DIR",
        };

        private readonly Option<bool> _noStdlibTests = new("--no-stdlib-tests")
        {
            Description = "Do not run CPython's own test_mmap with both modules.",
        };

        private readonly Option<double> _stdlibTimeout = new("--stdlib-timeout")
        {
            Description = "Time limit of one run of test_mmap, in seconds.",
            HelpName = "SECONDS",
            DefaultValueFactory = _ => RunSettings.DefaultStdlibTestTimeout.TotalSeconds,
        };

        private readonly Option<bool> _list = new("--list")
        {
            Description = "List the interpreters and the selected cases, and run nothing.",
        };

        private readonly Option<string?> _repository = new("--repo")
        {
            Description = "The repository root. Default: found above the current folder.",
            HelpName = "DIR",
        };

        public RootCommand CreateRootCommand()
        {
            _timeout.Validators.Add(result =>
            {
                if (result.GetValueOrDefault<double>() <= 0)
                {
                    result.AddError("--timeout must be more than 0 seconds.");
                }
            });
            _stdlibTimeout.Validators.Add(result =>
            {
                if (result.GetValueOrDefault<double>() <= 0)
                {
                    result.AddError("--stdlib-timeout must be more than 0 seconds.");
                }
            });
            _flavour.AcceptOnlyFromAmong(
                Enum.GetValues<ImplementationFlavour>().Select(ImplementationFlavours.Name).ToArray());
            _jobs.Validators.Add(result =>
            {
                if (result.GetValueOrDefault<int>() < 1)
                {
                    result.AddError("--jobs must be at least 1.");
                }
            });

            RootCommand root = new(
                "Runs the MmapNet conformance suite: each case with CPython's mmap and with the implementation under test, " +
                "on every interpreter, and compares their transcripts (stdout, final exception line, exit code or signal).")
            {
                _implementation, _flavour, _pythons, _keywords, _cases, _timeout, _jobs, _report, _pythonPaths, _noStdlibTests, _stdlibTimeout,
                _list, _repository,
            };
            root.SetAction(_ => ExitConforms); // marks a plain invocation; the run itself is done by the caller
            return root;
        }

        public static bool IsRunRequest(ParseResult parseResult) => parseResult.Action == parseResult.RootCommandResult.Command.Action;

        public RunRequest Read(ParseResult parseResult) => new(
            parseResult.GetValue(_implementation) ?? RunSettings.DefaultImplementationModule,
            Enum.GetValues<ImplementationFlavour>().Single(f => ImplementationFlavours.Name(f) == parseResult.GetValue(_flavour)),
            parseResult.GetValue(_pythons) ?? Array.Empty<string>(),
            parseResult.GetValue(_keywords) ?? Array.Empty<string>(),
            parseResult.GetValue(_cases),
            TimeSpan.FromSeconds(parseResult.GetValue(_timeout)),
            parseResult.GetValue(_jobs),
            parseResult.GetValue(_report),
            parseResult.GetValue(_pythonPaths) ?? Array.Empty<string>(),
            parseResult.GetValue(_noStdlibTests),
            TimeSpan.FromSeconds(parseResult.GetValue(_stdlibTimeout)),
            parseResult.GetValue(_list),
            parseResult.GetValue(_repository));
    }
}
