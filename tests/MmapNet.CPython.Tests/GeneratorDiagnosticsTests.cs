using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using MmapNet.CPython.Generators;
using MmapNet.TestSupport;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NUnit.Framework;

namespace MmapNet.CPython.Tests;

/// <summary>
/// The source generator refuses, as compile errors, the declarations whose entry points would be wrong: a missing
/// implementation (MMAPGEN001), a signature that does not match its row (MMAPGEN002), a row returning the C result
/// whose implementation is not NoInlining | AggressiveOptimization (MMAPGEN003), a row compiled ahead whose
/// implementation is AggressiveOptimization or, returning the C result, not NoInlining (MMAPGEN004), and two rows
/// sharing an entry point that disagree on being compiled ahead (MMAPGEN005). Each case is a made-up type declared with
/// the real attributes (Declaration/TypeDeclaration.cs), run through the generator; the first is declared right.
/// </summary>
[TestFixture]
public sealed class GeneratorDiagnosticsTests
{
    private const string OutOfLineAndJitted = "MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization";

    private sealed record Declaration(
        string Name, string[] Expected, string LengthRows = "", string LengthMarking = "MethodImplOptions.AggressiveInlining",
        string CloseMarking = "MethodImplOptions.NoInlining", string FindMarking = OutOfLineAndJitted,
        string FindImplementation = "private static nint Find(nint self) => 0;");

    private static readonly Declaration[] s_declarations =
    [
        new("declared right", []),
        new("an implementation missing", ["MMAPGEN001"], FindImplementation: "private static nint Search(nint self) => 0;"),
        new("a signature that does not match its row", ["MMAPGEN002"], FindImplementation: "private static nint Find(nint self, nint extra) => 0;"),
        new("a row compiled at its first call, its implementation NoInlining only", ["MMAPGEN003"], FindMarking: "MethodImplOptions.NoInlining"),
        new("a row compiled ahead, its implementation AggressiveOptimization", ["MMAPGEN004"], CloseMarking: OutOfLineAndJitted),
        new("a row compiled ahead, its implementation inlinable", ["MMAPGEN004"], CloseMarking: "MethodImplOptions.AggressiveInlining"),
        new("two rows sharing an entry point, one compiled ahead", ["MMAPGEN005"], LengthRows: "first"),
        new("rows returning a value compiled ahead, their implementation AggressiveOptimization", ["MMAPGEN004", "MMAPGEN004"],
            LengthRows: "both", LengthMarking: "MethodImplOptions.AggressiveInlining | MethodImplOptions.AggressiveOptimization"),
        new("rows returning a value compiled ahead, their implementation inlined", [], LengthRows: "both"),
    ];

    public static IEnumerable<TestCaseData> Declarations() => s_declarations.Select(d => new TestCaseData(d.Name).SetArgDisplayNames(d.Name));

    [TestCaseSource(nameof(Declarations))]
    public void Declaration_GetsTheGeneratorsDiagnostics(string name)
    {
        Declaration declaration = s_declarations.Single(d => d.Name == name);
        string[] diagnostics = Run(Source(declaration)).Where(d => d.Id.StartsWith("MMAPGEN", StringComparison.Ordinal))
            .Select(d => d.Id).Order(StringComparer.Ordinal).ToArray();
        Assert.That(diagnostics, Is.EqualTo(declaration.Expected));
    }

    private static string Source(Declaration declaration)
    {
        string Ahead(bool ahead) => ahead ? ", Compiled = Compilation.Ahead" : string.Empty;
        return $$"""
            using System.Runtime.CompilerServices;
            using MmapNet.CPython.Declaration;

            namespace MadeUp;

            internal readonly struct MmapStatus;

            [PythonType("made.up")]
            [Slot(SlotKind.MappingLength, nameof(Length), Returns = ResultKind.Length{{Ahead(declaration.LengthRows is "first" or "both")}})]
            [Slot(SlotKind.SequenceLength, nameof(Length), Returns = ResultKind.Length{{Ahead(declaration.LengthRows == "both")}})]
            [Method("close", MethodConvention.NoArgs, nameof(Close), Compiled = Compilation.Ahead)]
            [Method("find", MethodConvention.NoArgs, "Find")]
            internal static partial class MadeUpType
            {
                [MethodImpl({{declaration.LengthMarking}})]
                private static MmapStatus Length(nint self, out nint length)
                {
                    length = 0;
                    return default;
                }

                [MethodImpl({{declaration.CloseMarking}})]
                private static nint Close(nint self) => 0;

                [MethodImpl({{declaration.FindMarking}})]
                {{declaration.FindImplementation}}
            }
            """;
    }

    private static System.Collections.Immutable.ImmutableArray<Diagnostic> Run(string source)
    {
        string declarations = File.ReadAllText(Path.Combine(RepositoryLayout.Root, "src", "MmapNet.CPython", "Declaration", "TypeDeclaration.cs"));
        IEnumerable<MetadataReference> references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator).Select(path => MetadataReference.CreateFromFile(path));
        CSharpCompilation compilation = CSharpCompilation.Create(
            "MadeUp", [CSharpSyntaxTree.ParseText(declarations), CSharpSyntaxTree.ParseText(source)], references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true));
        Assert.That(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error), Is.Empty, "the made-up declaration compiles");
        GeneratorDriver driver = CSharpGeneratorDriver.Create(new PythonTypeGenerator()).RunGenerators(compilation);
        return driver.GetRunResult().Diagnostics;
    }
}
