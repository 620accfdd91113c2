using System.Text.Json;

namespace DeltaSdk.Serialization;

/// <summary>
/// A <see cref="JsonException"/> raised by DeltaSdk's own converters with a message already fit for a person.
/// System.Text.Json adds the JSON path to it on the way out; <see cref="DeltaFormatErrors"/> then turns it into a
/// <see cref="DeltaFormatException"/> without rewording it.
/// </summary>
internal sealed class DeltaJsonException : JsonException
{
    public DeltaJsonException(string detail, string? relativePath = null, Exception? innerException = null)
        : base(detail, innerException)
    {
        Detail = detail;
        RelativePath = relativePath;
    }

    /// <summary>Gets what was found and what was expected.</summary>
    public string Detail { get; }

    /// <summary>Gets a path below the converted value (for example <c>['x-y z']</c> for a language tag), if any.</summary>
    public string? RelativePath { get; }
}
