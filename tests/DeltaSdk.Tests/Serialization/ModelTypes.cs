using System.Reflection;

namespace DeltaSdk.Tests.Serialization;

/// <summary>The public model types: every public, non-static type of the DeltaSdk namespace.</summary>
internal static class ModelTypes
{
    public static IReadOnlyList<Type> All { get; } = typeof(Plan).Assembly.GetExportedTypes()
        .Where(static t => t.Namespace == "DeltaSdk" && !(t.IsAbstract && t.IsSealed) && !typeof(Exception).IsAssignableFrom(t) && t.GetCustomAttribute<System.Runtime.CompilerServices.CompilerGeneratedAttribute>() is null)
        .OrderBy(static t => t.Name, StringComparer.Ordinal)
        .ToList();
}
