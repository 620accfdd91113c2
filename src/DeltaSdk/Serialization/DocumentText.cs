using System.Buffers;
using System.Text.Unicode;

namespace DeltaSdk.Serialization;

/// <summary>
/// The one check of the text of a document, run by every reader before it parses: the bytes are UTF-8, no escape
/// stands for a lone surrogate, and no string holds U+0000. JSON's grammar allows <c>"\ud800"</c> and
/// <c>"\u0000"</c>, but neither is text a person wrote: a lone surrogate cannot be written back as UTF-8, and a NUL
/// ends a string early for some parsers (NodaTime's, .NET's number parsing), so <c>"2024-01-01\u0000"</c> would read
/// as a date. Refusing them here, once, for names and values alike, keeps every later step free of the question.
/// </summary>
internal static class DocumentText
{
    private static readonly SearchValues<byte> Backslash = SearchValues.Create("\\"u8);

    /// <summary>What is wrong with the text of a document, at which byte.</summary>
    public readonly record struct Flaw(int Offset, string Reason);

    /// <summary>Finds the first flaw in the text, or <see langword="null"/> when the text is sound. Linear, and vectorized for the common case.</summary>
    public static Flaw? Find(ReadOnlySpan<byte> utf8)
    {
        if (!Utf8.IsValid(utf8))
        {
            return new(FirstInvalidUtf8(utf8), "The document is not valid UTF-8 text");
        }

        // Escapes are rare in canonical documents (the writer leaves non-ASCII text unescaped): find each backslash.
        var offset = 0;
        while (true)
        {
            var at = utf8[offset..].IndexOfAny(Backslash);
            if (at < 0)
            {
                return null;
            }

            at += offset;
            if (at + 1 >= utf8.Length)
            {
                return null; // a dangling backslash is a syntax error the parser reports
            }

            if (utf8[at + 1] != (byte)'u')
            {
                offset = at + 2; // "\\", "\"", "\n" …: the escaped character cannot start another escape
                continue;
            }

            if (!TryHex(utf8, at + 2, out var unit))
            {
                return null; // a malformed \u escape is a syntax error the parser reports
            }

            if (unit == 0)
            {
                return new(at, "A string holds U+0000 (\"\\u0000\"), which the format does not allow in text");
            }

            if (char.IsLowSurrogate((char)unit))
            {
                return new(at, "A string holds a lone surrogate (an escaped low surrogate without a high one before it), which is not Unicode text");
            }

            if (char.IsHighSurrogate((char)unit))
            {
                if (at + 11 < utf8.Length && utf8[at + 6] == (byte)'\\' && utf8[at + 7] == (byte)'u' && TryHex(utf8, at + 8, out var low) && char.IsLowSurrogate((char)low))
                {
                    offset = at + 12;
                    continue;
                }

                return new(at, "A string holds a lone surrogate (an escaped high surrogate without a low one after it), which is not Unicode text");
            }

            offset = at + 6;
        }
    }

    private static bool TryHex(ReadOnlySpan<byte> utf8, int start, out int value)
    {
        value = 0;
        if (start + 4 > utf8.Length)
        {
            return false;
        }

        for (var i = start; i < start + 4; i++)
        {
            var digit = HexDigit(utf8[i]);
            if (digit < 0)
            {
                return false;
            }

            value = (value << 4) | digit;
        }

        return true;
    }

    private static int HexDigit(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        _ => -1,
    };

    private static int FirstInvalidUtf8(ReadOnlySpan<byte> utf8)
    {
        var status = System.Text.Rune.DecodeFromUtf8(utf8, out _, out var consumed);
        var offset = 0;
        while (status == OperationStatus.Done)
        {
            offset += consumed;
            status = System.Text.Rune.DecodeFromUtf8(utf8[offset..], out _, out consumed);
        }

        return offset;
    }
}
