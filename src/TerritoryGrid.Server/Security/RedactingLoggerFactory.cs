using Microsoft.Extensions.DependencyInjection.Extensions;

namespace TerritoryGrid.Server.Security;

/// <summary>
/// Wraps the logger factory so that no log entry carries an "access_token" query value, whatever the log levels: ASP.NET
/// Core's hosting diagnostics log every request's URL at Information ("Request starting …{QueryString}") before any
/// middleware could rewrite it, and a sink may write the structured values as well as the message.
/// </summary>
public sealed class RedactingLoggerFactory(ILoggerFactory inner) : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName) => new RedactingLogger(inner.CreateLogger(categoryName));

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    /// <summary>The wrapped factory belongs to the container, which disposes it.</summary>
    public void Dispose()
    {
    }

    private sealed class RedactingLogger(ILogger inner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull =>
            RedactedState.Of(state, null, null) is { } redacted ? inner.BeginScope(redacted) : inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!inner.IsEnabled(logLevel))
            {
                return;
            }

            if (RedactedState.Of(state, formatter, exception) is { } redacted)
            {
                inner.Log(logLevel, eventId, redacted, exception, static (s, _) => s.ToString());
            }
            else
            {
                inner.Log(logLevel, eventId, state, exception, formatter);
            }
        }
    }

    /// <summary>A log state's structured values and message with every access_token value replaced.</summary>
    private sealed class RedactedState(IReadOnlyList<KeyValuePair<string, object?>> values, string message) : IReadOnlyList<KeyValuePair<string, object?>>
    {
        public KeyValuePair<string, object?> this[int index] => values[index];

        public int Count => values.Count;

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => values.GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => message;

        /// <summary>
        /// The redacted state, or null when nothing in it carries a token (the common case, which costs a scan of the
        /// values' text and nothing else). <paramref name="formatter"/> gives the message (else the state's text).
        /// </summary>
        public static RedactedState? Of<TState>(TState state, Func<TState, Exception?, string>? formatter, Exception? exception)
        {
            var redacted = state switch
            {
                IReadOnlyList<KeyValuePair<string, object?>> list => RedactedValues(list.Count, i => list[i]),
                IEnumerable<KeyValuePair<string, object?>> pairs => pairs.ToList() is var all ? RedactedValues(all.Count, i => all[i]) : null,
                _ => null,
            };
            if (redacted is not null)
            {
                return new RedactedState(redacted, AccessTokenRedaction.Redact(formatter?.Invoke(state, exception) ?? state?.ToString() ?? ""));
            }

            if (state is IEnumerable<KeyValuePair<string, object?>>)
            {
                return null;
            }

            var plain = formatter is null ? state?.ToString() : formatter(state, exception);
            return AccessTokenRedaction.MayCarry(plain) && AccessTokenRedaction.Redact(plain!) is var text && text != plain
                ? new RedactedState([], text)
                : null;
        }

        /// <summary>The values with every carried token redacted, or null (and nothing copied) when none carries one.</summary>
        private static List<KeyValuePair<string, object?>>? RedactedValues(int count, Func<int, KeyValuePair<string, object?>> at)
        {
            List<KeyValuePair<string, object?>>? redacted = null;
            for (var i = 0; i < count; i++)
            {
                var value = at(i);
                if (TextOf(value.Value) is { } text && AccessTokenRedaction.MayCarry(text) && AccessTokenRedaction.Redact(text) is var clean && clean != text)
                {
                    redacted ??= [.. Enumerable.Range(0, count).Select(at)];
                    redacted[i] = new(value.Key, clean);
                }
            }

            return redacted;
        }

        /// <summary>The text of values that can hold a URL (strings, query strings, paths, URIs); other values cannot.</summary>
        private static string? TextOf(object? value) => value switch
        {
            string text => text,
            QueryString or PathString or Uri => value.ToString(),
            _ => null,
        };
    }
}

public static class RedactingLoggerFactoryExtensions
{
    /// <summary>Puts <see cref="RedactingLoggerFactory"/> in front of the logger factory every logger is made by.</summary>
    public static IServiceCollection AddAccessTokenRedaction(this IServiceCollection services)
    {
        services.TryAddSingleton<LoggerFactory>();
        services.Replace(ServiceDescriptor.Singleton<ILoggerFactory>(sp => new RedactingLoggerFactory(sp.GetRequiredService<LoggerFactory>())));
        return services;
    }
}
