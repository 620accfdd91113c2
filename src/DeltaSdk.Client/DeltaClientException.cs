namespace DeltaSdk.Client;

/// <summary>
/// The base of every error a <see cref="DeltaClient"/> raises for a failed call: catch it to handle them all, or
/// catch <see cref="DeltaApiException"/> (the server answered with an error) and <see cref="DeltaTransportException"/>
/// (no usable answer arrived) apart. Cancellation through the caller's token is not wrapped: it surfaces as
/// <see cref="OperationCanceledException"/>.
/// </summary>
public abstract class DeltaClientException : Exception
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="innerException">The underlying exception, if any.</param>
    protected DeltaClientException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
