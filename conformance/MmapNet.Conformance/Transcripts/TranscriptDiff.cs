using System;
using DiffPlex.Renderer;

namespace MmapNet.Conformance.Transcripts;

/// <summary>Unified diffs of transcripts.</summary>
public static class TranscriptDiff
{
    private const int ContextLines = 3;

    /// <summary>The unified diff from the reference's comparable text to the implementation's.</summary>
    /// <param name="reference">The reference (CPython mmap) transcript.</param>
    /// <param name="implementation">The transcript of the implementation under test.</param>
    /// <param name="implementationModule">The module name, for the diff header.</param>
    /// <returns>The diff, with <c>--- reference (mmap)</c> and <c>+++ implementation (MODULE)</c> headers.</returns>
    public static string Unified(Transcript reference, Transcript implementation, string implementationModule)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(implementation);
        return Unified(reference.ComparableText, implementation.ComparableText, implementationModule);
    }

    /// <summary>The unified diff of two texts, with the reference/implementation headers.</summary>
    /// <param name="referenceText">The reference text.</param>
    /// <param name="implementationText">The implementation text.</param>
    /// <param name="implementationModule">The module name, for the diff header.</param>
    /// <returns>The diff.</returns>
    public static string Unified(string referenceText, string implementationText, string implementationModule)
    {
        UnidiffRenderer renderer = new(null, ContextLines);
        return renderer.Generate(
            referenceText,
            implementationText,
            "reference (mmap)",
            $"implementation ({implementationModule})",
            ignoreWhitespace: false,
            ignoreCase: false);
    }
}
