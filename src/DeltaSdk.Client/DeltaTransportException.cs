namespace DeltaSdk.Client;

/// <summary>
/// No usable answer arrived: the connection failed or was dropped, or the call ran out of time
/// (<see cref="IsTimeout"/>), after every allowed retry. The server may or may not have acted on a write; a POST
/// repeated with the same <c>Idempotency-Key</c> is safe.
/// </summary>
public class DeltaTransportException : DeltaClientException
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="isTimeout">Whether the call failed because it ran out of time.</param>
    /// <param name="innerException">The underlying exception, if any.</param>
    public DeltaTransportException(string message, bool isTimeout = false, Exception? innerException = null)
        : base(message, innerException)
    {
        IsTimeout = isTimeout;
    }

    /// <summary>
    /// Gets a value indicating whether the call failed because an attempt or the whole operation ran out of time
    /// (see <see cref="DeltaClientOptions.AttemptTimeout"/> and <see cref="DeltaClientOptions.OverallTimeout"/>).
    /// </summary>
    public bool IsTimeout { get; }
}
