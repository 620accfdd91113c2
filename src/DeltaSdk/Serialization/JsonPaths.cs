using System.Buffers;
using System.Globalization;
using System.Text;

namespace DeltaSdk.Serialization;

/// <summary>Builds JSON paths in the form System.Text.Json reports them: <c>$.aspects[0].tasks[1].code</c>, <c>$.title['zh-Hans']</c>.</summary>
internal static class JsonPaths
{
    // The characters for which System.Text.Json switches to the bracket form; kept identical so that paths compare.
    private static readonly SearchValues<char> SpecialCharacters = SearchValues.Create(".' /\"[]()\t\n\r\f\b\\\u0085\u2028\u2029");

    /// <summary>Gets the path segment of a property.</summary>
    public static string Property(string name)
        => name.AsSpan().ContainsAny(SpecialCharacters) ? "['" + name.Replace("'", "\\'", StringComparison.Ordinal) + "']" : "." + name;

    /// <summary>Appends the path segment of a property.</summary>
    public static void AppendProperty(StringBuilder builder, string name) => builder.Append(Property(name));

    /// <summary>Appends the path segment of an array item.</summary>
    public static void AppendIndex(StringBuilder builder, int index)
        => builder.Append('[').Append(index.ToString(CultureInfo.InvariantCulture)).Append(']');

    /// <summary>Rebases a path reported relative to a value (<c>$.value</c>) onto where that value sits (<c>$.observations[3]</c>).</summary>
    public static string Rebase(string? relative, string root)
        => relative is null || relative == "$" ? root : root + relative[1..];
}
