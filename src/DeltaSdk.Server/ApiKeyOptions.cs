namespace DeltaSdk.Server;

/// <summary>One API key the server accepts, bound from <c>DeltaServer:ApiKeys</c>.</summary>
public sealed class ApiKeyOptions
{
    /// <summary>Gets or sets the secret key a client sends in the <c>X-Api-Key</c> header. Default: empty, which is rejected at start-up.</summary>
    public string Key { get; set; } = string.Empty;

    /// <summary>Gets or sets a value indicating whether the key may call write endpoints; a key without write rights gets 403. Default: <see langword="false"/>.</summary>
    public bool CanWrite { get; set; }
}
