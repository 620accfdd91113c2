using Microsoft.Extensions.Options;

namespace DeltaSdk.Server;

/// <summary>Checks <see cref="DeltaServerOptions"/> when the host starts, naming each bad setting.</summary>
internal sealed class DeltaServerOptionsValidator : IValidateOptions<DeltaServerOptions>
{
    public ValidateOptionsResult Validate(string? name, DeltaServerOptions options)
    {
        var failures = new List<string>();
        if (options.MaxPageSize is < 1 or > DeltaServerOptions.MaxPageSizeLimit)
        {
            failures.Add($"DeltaServer:MaxPageSize must be between 1 and {DeltaServerOptions.MaxPageSizeLimit}.");
        }

        if (options.DefaultPageSize < 1 || options.DefaultPageSize > options.MaxPageSize)
        {
            failures.Add("DeltaServer:DefaultPageSize must be between 1 and MaxPageSize.");
        }

        if (options.MaxRequestBodySize < 1)
        {
            failures.Add("DeltaServer:MaxRequestBodySize must be positive.");
        }

        foreach (var (setting, value) in new[]
        {
            (nameof(RequestLimitOptions.MaxObservationsPerBatch), options.Limits.MaxObservationsPerBatch),
            (nameof(RequestLimitOptions.MaxLanguages), options.Limits.MaxLanguages),
            (nameof(RequestLimitOptions.MaxSources), options.Limits.MaxSources),
            (nameof(RequestLimitOptions.MaxExtensionMembers), options.Limits.MaxExtensionMembers),
        })
        {
            if (value < 0)
            {
                failures.Add($"DeltaServer:Limits:{setting} must not be negative.");
            }
        }

        if (options.IdempotencyKeyLifetime <= TimeSpan.Zero)
        {
            failures.Add("DeltaServer:IdempotencyKeyLifetime must be positive.");
        }

        if (!Enum.IsDefined(options.Storage.Provider))
        {
            failures.Add($"DeltaServer:Storage:Provider must be one of {string.Join(", ", Enum.GetNames<PlanStoreProvider>())}.");
        }

        if (options.Storage.Provider == PlanStoreProvider.Sqlite && string.IsNullOrWhiteSpace(options.Storage.SqlitePath))
        {
            failures.Add("DeltaServer:Storage:SqlitePath must name a file when the provider is Sqlite.");
        }

        if (options.Storage.Provider == PlanStoreProvider.PostgreSql && string.IsNullOrWhiteSpace(options.Storage.ConnectionStringName))
        {
            failures.Add("DeltaServer:Storage:ConnectionStringName must name a connection string when the provider is PostgreSql.");
        }

        for (var i = 0; i < options.ApiKeys.Count; i++)
        {
            // The message names the entry by position only: a key must not reach logs even when it is wrong.
            if (string.IsNullOrWhiteSpace(options.ApiKeys[i].Key) || options.ApiKeys[i].Key.Length < 16)
            {
                failures.Add($"DeltaServer:ApiKeys:{i}:Key must be at least 16 characters.");
            }
        }

        if (options.ApiKeys.Select(static k => k.Key).Distinct(StringComparer.Ordinal).Count() != options.ApiKeys.Count)
        {
            failures.Add("DeltaServer:ApiKeys holds the same key twice.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
