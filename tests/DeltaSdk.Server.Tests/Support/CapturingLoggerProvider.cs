using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace DeltaSdk.Server.Tests.Support;

/// <summary>Keeps every log entry (message, structured values, scopes) so that tests can search what was logged.</summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<string> _entries = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public IReadOnlyCollection<string> Entries => _entries;

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(CapturingLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
            => provider._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var text = new System.Text.StringBuilder();
            text.Append(category).Append(" [").Append(logLevel).Append("] ").Append(formatter(state, exception));
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
            {
                foreach (var (key, value) in values)
                {
                    text.Append(" | ").Append(key).Append('=').Append(value);
                }
            }

            provider._scopes.ForEachScope(static (scope, builder) => builder.Append(" | scope=").Append(scope), text);
            if (exception is not null)
            {
                text.Append(" | ").Append(exception);
            }

            provider._entries.Enqueue(text.ToString());
        }
    }
}
