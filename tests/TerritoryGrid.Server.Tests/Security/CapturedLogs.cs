using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Logging;

namespace TerritoryGrid.Server.Tests.Security;

/// <summary>
/// Every log entry a server writes, as text: the formatted message, each structured value, the exception and every
/// scope it was written in, so a test can look for a secret in anything a log sink could receive.
/// </summary>
public sealed class CapturedLogs : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<CapturedEntry> entries = new();
    private IExternalScopeProvider scopes = new LoggerExternalScopeProvider();

    public IReadOnlyCollection<CapturedEntry> Entries => entries;

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => owner.scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var texts = new List<string> { formatter(state, exception) };
            texts.AddRange(ValuesOf(state));
            if (exception is not null)
            {
                texts.Add(exception.ToString());
            }

            owner.scopes.ForEachScope((scope, list) => list.AddRange(ValuesOf(scope)), texts);
            owner.entries.Enqueue(new CapturedEntry(category, logLevel, texts));
        }

        private static IEnumerable<string> ValuesOf(object? state)
        {
            yield return Convert.ToString(state, CultureInfo.InvariantCulture) ?? "";
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
            {
                foreach (var (key, value) in values)
                {
                    yield return $"{key}={Convert.ToString(value, CultureInfo.InvariantCulture)}";
                }
            }
        }
    }
}

/// <summary>One log entry: its category, level, and every text it carried (message first).</summary>
public sealed record CapturedEntry(string Category, LogLevel Level, IReadOnlyList<string> Texts)
{
    public string Message => Texts[0];
}
