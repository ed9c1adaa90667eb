using System;
using System.Text;

namespace MmapNet.Conformance.Transcripts;

/// <summary>Turns captured output into text without losing differences.</summary>
internal static class TextDecoding
{
    private static readonly UTF8Encoding s_strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Decodes UTF-8 (what the cases print under LC_ALL=C.UTF-8). Bytes that are not UTF-8 are decoded as Latin-1 instead,
    /// which keeps every byte distinct, so two different outputs never become the same text. When the output was cut off, an
    /// incomplete character at the cut is dropped first.
    /// </summary>
    public static string Decode(ReadOnlySpan<byte> bytes, bool truncated, out bool isUtf8)
    {
        if (truncated)
        {
            bytes = WithoutIncompleteLastCharacter(bytes);
        }

        try
        {
            isUtf8 = true;
            return s_strictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            isUtf8 = false;
            return Encoding.Latin1.GetString(bytes);
        }
    }

    private static ReadOnlySpan<byte> WithoutIncompleteLastCharacter(ReadOnlySpan<byte> bytes)
    {
        // Walk back over at most three continuation bytes to the lead byte of the last character.
        for (int back = 1; back <= Math.Min(4, bytes.Length); back++)
        {
            byte b = bytes[^back];
            if ((b & 0xC0) == 0x80)
            {
                continue; // continuation byte
            }

            int length = b < 0x80 ? 1 : (b & 0xE0) == 0xC0 ? 2 : (b & 0xF0) == 0xE0 ? 3 : (b & 0xF8) == 0xF0 ? 4 : 1;
            return length > back ? bytes[..^back] : bytes;
        }

        return bytes;
    }
}
