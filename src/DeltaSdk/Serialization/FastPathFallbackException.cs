using System.Text.Json;

namespace DeltaSdk.Serialization;

/// <summary>
/// Raised by a fast-path reader (see <see cref="FastRead"/>) when the input leaves the common canonical shape: an
/// escaped name, a null, a duplicate, a missing member, a bad value. The caller then reads the same bytes again
/// through the generated contract, which either accepts them or raises the one documented error for them, so that
/// the fast path never has to reproduce error messages, paths or positions.
/// </summary>
internal sealed class FastPathFallbackException : JsonException
{
    public FastPathFallbackException()
        : base("The fast reader leaves this input to the contract reader.")
    {
    }
}
