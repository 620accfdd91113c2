using System.Collections.Immutable;
using System.Text.Json.Serialization.Metadata;
using DeltaSdk.Serialization;

namespace DeltaSdk.Changes;

/// <summary>
/// The members of an entity type that a diff compares, taken from the serialization contract so that they are
/// exactly the members the format writes, by their JSON names and in the contract's order. Lists of entities with
/// an identity of their own (a plan's aspects, an aspect's tasks) are left out: the diff matches those by identity.
/// </summary>
internal sealed class EntityShape
{
    private EntityShape(JsonTypeInfo typeInfo, ImmutableArray<Member> members, JsonPropertyInfo? extension)
    {
        TypeInfo = typeInfo;
        Members = members;
        Extension = extension;
    }

    public JsonTypeInfo TypeInfo { get; }

    public ImmutableArray<Member> Members { get; }

    /// <summary>Gets the property that holds unknown members, when the type keeps them.</summary>
    public JsonPropertyInfo? Extension { get; }

    public static EntityShape Of<T>(params string[] children)
    {
        var options = DeltaJsonContract.Lenient;
        var typeInfo = options.GetTypeInfo(typeof(T));
        var members = ImmutableArray.CreateBuilder<Member>();
        JsonPropertyInfo? extension = null;
        foreach (var property in typeInfo.Properties)
        {
            if (property.IsExtensionData)
            {
                extension = property;
                continue;
            }

            if (property.Get is not { } getter || !DeltaFormatErrors.IsWire(property)
                || property.Name is DocumentHeader.SchemaProperty or DocumentHeader.FormatVersionProperty
                || children.Contains(property.Name, StringComparer.Ordinal))
            {
                continue;
            }

            members.Add(new Member(property.Name, getter, options.GetTypeInfo(property.PropertyType)));
        }

        return new EntityShape(typeInfo, members.ToImmutable(), extension);
    }

    /// <summary>One compared member: its JSON name, how to read it, and the contract of its type.</summary>
    internal sealed record Member(string Name, Func<object, object?> Get, JsonTypeInfo TypeInfo);
}
