using System.Collections.Concurrent;

namespace DeltaSdk.Client.Tests.Infrastructure;

/// <summary>
/// The system clock, recording the due time of every timer created through it: the client's waits between
/// attempts (<c>Task.Delay</c> over the provider) show up here, so a test can read the wait the client chose
/// instead of timing it.
/// </summary>
public sealed class RecordingTimeProvider : TimeProvider
{
    private readonly ConcurrentQueue<TimeSpan> _dueTimes = new();

    public IReadOnlyCollection<TimeSpan> DueTimes => _dueTimes;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        _dueTimes.Enqueue(dueTime);
        return System.CreateTimer(callback, state, dueTime, period);
    }
}
