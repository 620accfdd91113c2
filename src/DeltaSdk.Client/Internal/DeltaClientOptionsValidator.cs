using Microsoft.Extensions.Options;

namespace DeltaSdk.Client.Internal;

/// <summary>
/// Checks <see cref="DeltaClientOptions"/> once, centrally, without reflection (so it stays trim-safe), and names
/// every setting that is wrong and why.
/// </summary>
internal sealed class DeltaClientOptionsValidator : IValidateOptions<DeltaClientOptions>
{
    public ValidateOptionsResult Validate(string? name, DeltaClientOptions options)
    {
        var failures = Collect(options);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    internal static List<string> Collect(DeltaClientOptions options)
    {
        var failures = new List<string>();
        const string prefix = "DeltaClientOptions.";
        if (options.BaseAddress is null)
        {
            failures.Add($"{prefix}BaseAddress is required: the absolute address of the Plan API, for example http://127.0.0.1:5080/.");
        }
        else if (!options.BaseAddress.IsAbsoluteUri || (options.BaseAddress.Scheme != Uri.UriSchemeHttp && options.BaseAddress.Scheme != Uri.UriSchemeHttps))
        {
            failures.Add($"{prefix}BaseAddress '{options.BaseAddress}' must be an absolute http or https address.");
        }

        if (options.ApiKey is { } key && (key.Length == 0 || key.Any(char.IsControl)))
        {
            failures.Add($"{prefix}ApiKey must not be empty nor contain control characters; leave it unset to send none.");
        }

        CheckTimeout(failures, prefix + "AttemptTimeout", options.AttemptTimeout);
        CheckTimeout(failures, prefix + "OverallTimeout", options.OverallTimeout);
        if (options.MaxRetries is < 0 or > DeltaClientOptions.MaxRetriesLimit)
        {
            failures.Add($"{prefix}MaxRetries is {options.MaxRetries}; it must be between 0 and {DeltaClientOptions.MaxRetriesLimit}.");
        }

        if (options.MaxRetryDelay < TimeSpan.Zero)
        {
            failures.Add($"{prefix}MaxRetryDelay ({options.MaxRetryDelay}) must not be negative.");
        }

        if (options.RetryBaseDelay < TimeSpan.Zero || options.RetryBaseDelay > options.MaxRetryDelay)
        {
            failures.Add($"{prefix}RetryBaseDelay ({options.RetryBaseDelay}) must be between zero and MaxRetryDelay ({options.MaxRetryDelay}).");
        }

        if (options.ResponseCacheCapacity < 0)
        {
            failures.Add($"{prefix}ResponseCacheCapacity is {options.ResponseCacheCapacity}; it must be 0 (off) or more.");
        }

        return failures;
    }

    private static void CheckTimeout(List<string> failures, string name, TimeSpan value)
    {
        if (value <= TimeSpan.Zero && value != Timeout.InfiniteTimeSpan)
        {
            failures.Add($"{name} ({value}) must be positive, or Timeout.InfiniteTimeSpan for no limit.");
        }
    }
}
