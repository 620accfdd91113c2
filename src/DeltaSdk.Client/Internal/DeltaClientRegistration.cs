namespace DeltaSdk.Client.Internal;

/// <summary>Marks a service collection in which <c>AddDeltaClient</c> has run, so that a second call adds nothing twice.</summary>
internal sealed class DeltaClientRegistration;
