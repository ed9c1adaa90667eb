using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Runtime.InteropServices;
using System.Threading.Tasks;
using NUnit.Framework;

namespace MmapNet.TestSupport;

/// <summary>
/// What an architecture's own glibc headers say (linux_abi_probe.c, built with that architecture's gcc and run, under
/// qemu for the architecture this machine is not): the numbers MmapNet writes down in C#, and the MAP_*, MADV_* and
/// PROT_* constants CPython 3.13's mmap has there. Both architectures are probed on any machine, so a layout or constant
/// that is right only for the machine's own architecture fails here, on x86-64 as on ARM64.
/// </summary>
internal sealed class LinuxAbi
{
    private static readonly ConcurrentDictionary<Architecture, Lazy<LinuxAbi>> s_probed = new();

    private LinuxAbi(Dictionary<string, long> abi, List<(string Name, long Value)> module)
    {
        Abi = abi;
        ModuleConstants = module;
    }

    /// <summary>The architectures MmapNet runs on.</summary>
    public static Architecture[] Architectures { get; } = [Architecture.X64, Architecture.Arm64];

    /// <summary>Offsets, sizes and constants of the C library (<c>stat.st_mode</c>, <c>_SC_PAGESIZE</c>, <c>EINVAL</c>...).</summary>
    public IReadOnlyDictionary<string, long> Abi { get; }

    /// <summary>The MAP_*, MADV_* and PROT_* names CPython's mmap adds on this architecture, with their values.</summary>
    public IReadOnlyList<(string Name, long Value)> ModuleConstants { get; }

    /// <summary>Probes <paramref name="architecture"/> (once per test run).</summary>
    public static LinuxAbi Of(Architecture architecture) =>
        s_probed.GetOrAdd(architecture, a => new Lazy<LinuxAbi>(() => Probe(a))).Value;

    private static LinuxAbi Probe(Architecture architecture)
    {
        bool native = architecture == RuntimeInformation.OSArchitecture;
        (string? compiler, string? emulator, string? packages) = architecture switch
        {
            Architecture.X64 => ("x86_64-linux-gnu-gcc", "qemu-x86_64", "gcc-x86-64-linux-gnu libc6-dev-amd64-cross"),
            Architecture.Arm64 => ("aarch64-linux-gnu-gcc", "qemu-aarch64", "gcc-aarch64-linux-gnu libc6-dev-arm64-cross"),
            _ => throw new ArgumentOutOfRangeException(nameof(architecture), architecture, "not an architecture MmapNet runs on"),
        };
        if (native)
        {
            compiler = "gcc";
        }

        string folder = Directory.CreateTempSubdirectory("mmapnet-abi-probe-").FullName;
        try
        {
            string source = Path.Combine(AppContext.BaseDirectory, "linux_abi_probe.c");
            string program = Path.Combine(folder, "probe");
            // Static, so that the emulator needs no sysroot of the other architecture's libraries.
            Run(compiler, ["-static", "-o", program, source], $"apt-get install {packages} qemu-user (.ci/setup does it)");
            string output = native ? Run(program, [], string.Empty) : Run(emulator, [program], "apt-get install qemu-user (.ci/setup does it)");
            Dictionary<string, long> abi = new(StringComparer.Ordinal);
            List<(string, long)> module = new();
            foreach (string line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                string[] parts = line.Split(' ');
                long value = long.Parse(parts[2], CultureInfo.InvariantCulture);
                if (parts[0] == "abi")
                {
                    abi[parts[1]] = value;
                }
                else
                {
                    module.Add((parts[1], value));
                }
            }

            return new LinuxAbi(abi, module);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string Run(string program, string[] arguments, string remedy)
    {
        ProcessStartInfo start = new(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            Assert.Fail($"{program} could not be started ({exception.Message}): {remedy}");
            throw;
        }

        using (process)
        {
            Task<string> stdout = process.StandardOutput.ReadToEndAsync();
            Task<string> stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"{program} {string.Join(' ', arguments)} did not finish in 2 minutes");
            }

            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                Assert.Fail($"{program} {string.Join(' ', arguments)} failed (exit code {process.ExitCode}):\n{stderr.Result}");
            }

            return stdout.Result;
        }
    }
}
