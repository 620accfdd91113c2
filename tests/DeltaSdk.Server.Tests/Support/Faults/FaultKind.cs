namespace DeltaSdk.Server.Tests.Support.Faults;

/// <summary>What an injected fault does to a request.</summary>
public enum FaultKind
{
    /// <summary>Answer with an error status (and optionally <c>Retry-After</c>) without handling the request.</summary>
    Fail,

    /// <summary>Wait, then handle the request normally.</summary>
    Delay,

    /// <summary>Drop the connection without handling the request.</summary>
    Abort,

    /// <summary>Handle the request (a write is made), then drop the connection before the response is sent.</summary>
    AbortAfterHandling,
}
