using System.Collections.Immutable;

namespace DeltaSdk.Tool.Conversion;

/// <summary>An immutable array as a reference, so that an empty cell and an empty list can be told apart by null.</summary>
/// <typeparam name="T">The item type.</typeparam>
/// <param name="Items">The items.</param>
internal sealed record Boxed<T>(ImmutableArray<T> Items);
