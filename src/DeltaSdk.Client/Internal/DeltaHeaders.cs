namespace DeltaSdk.Client.Internal;

/// <summary>The names of the headers the Plan API defines.</summary>
internal static class DeltaHeaders
{
    public const string ApiKey = "X-Api-Key";
    public const string IdempotencyKey = "Idempotency-Key";
    public const string RequestId = "X-Request-Id";
    public const string IfMatch = "If-Match";
    public const string IfNoneMatch = "If-None-Match";
}
