using System.Reflection;

namespace DeltaSdk.Tests.Serialization;

/// <summary>
/// The public model types: the records, value types (identifiers, periods), enums and <see cref="LocalizedText"/> of
/// the DeltaSdk namespace. Services there (such as PlanIndex) are plain classes and are not part of the format.
/// </summary>
internal static class ModelTypes
{
    public static IReadOnlyList<Type> All { get; } = typeof(Plan).Assembly.GetExportedTypes()
        .Where(static t => t.Namespace == "DeltaSdk" && !t.IsAbstract && !typeof(Exception).IsAssignableFrom(t) && t.GetCustomAttribute<System.Runtime.CompilerServices.CompilerGeneratedAttribute>() is null
            && (t.IsValueType || t == typeof(LocalizedText) || t.GetMethod("<Clone>$") is not null))
        .OrderBy(static t => t.Name, StringComparer.Ordinal)
        .ToList();
}
