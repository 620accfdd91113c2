namespace DeltaSdk.Serialization;

/// <summary>An enum converter that knows the names it writes, for error messages and the JSON Schema.</summary>
internal interface IWireEnum
{
    /// <summary>Gets the wire names, in declaration order.</summary>
    IReadOnlyList<string> WireNames { get; }
}
