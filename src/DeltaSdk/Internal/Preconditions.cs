using System.Runtime.CompilerServices;

namespace DeltaSdk.Internal;

/// <summary>Argument guards shared by the model, kept out of line so that hot paths stay small.</summary>
internal static class Preconditions
{
    public static T CheckNotNull<T>(T? value, [CallerArgumentExpression(nameof(value))] string? name = null)
        where T : class
        => value ?? throw new ArgumentNullException(name);

    public static void CheckArgument(bool condition, string message, [CallerArgumentExpression(nameof(condition))] string? name = null)
    {
        if (!condition)
        {
            ThrowArgument(message, name);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowArgument(string message, string? name) => throw new ArgumentException(message, name);
}
