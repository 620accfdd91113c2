using System.Collections.Concurrent;

namespace DeltaSdk.Server.Tests.Support;

/// <summary>The responses of one test server that broke the OpenAPI contract; <see cref="TestServer"/> fails the test on them.</summary>
internal sealed class ContractViolations
{
    private readonly ConcurrentQueue<string> _violations = new();

    private int _checked;

    public IReadOnlyCollection<string> All => [.. _violations];

    /// <summary>How many responses were checked: proof that the check is engaged.</summary>
    public int Checked => Volatile.Read(ref _checked);

    public void CountChecked() => Interlocked.Increment(ref _checked);

    public void Add(string violation) => _violations.Enqueue(violation);

    public void ThrowIfAny()
    {
        if (!_violations.IsEmpty)
        {
            throw new Xunit.Sdk.XunitException(
                $"{_violations.Count} response(s) broke the OpenAPI contract ({OpenApiContract.CheckedInPath}):\n" + string.Join("\n", _violations));
        }
    }
}
