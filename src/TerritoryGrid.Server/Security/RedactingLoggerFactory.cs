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
            RedactedState.Of(state, null) is { } redacted ? inner.BeginScope(redacted) : inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!inner.IsEnabled(logLevel))
            {
                return;
            }

            if (RedactedState.Of(state, () => formatter(state, exception)) is { } redacted)
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
        /// values' text and nothing else). <paramref name="format"/> gives the message (else the state's text).
        /// </summary>
        public static RedactedState? Of<TState>(TState state, Func<string>? format)
        {
            if (state is IReadOnlyList<KeyValuePair<string, object?>> structured)
            {
                var redacted = RedactedValues(structured);
                return redacted is null ? null : new RedactedState(redacted, AccessTokenRedaction.Redact(format?.Invoke() ?? state.ToString() ?? ""));
            }

            var plain = format?.Invoke() ?? state?.ToString();
            return AccessTokenRedaction.MayCarry(plain) && AccessTokenRedaction.Redact(plain!) is var text && text != plain
                ? new RedactedState([], text)
                : null;
        }

        private static List<KeyValuePair<string, object?>>? RedactedValues(IReadOnlyList<KeyValuePair<string, object?>> values)
        {
            List<KeyValuePair<string, object?>>? redacted = null;
            for (var i = 0; i < values.Count; i++)
            {
                if (TextOf(values[i].Value) is { } text && AccessTokenRedaction.MayCarry(text) && AccessTokenRedaction.Redact(text) is var clean && clean != text)
                {
                    redacted ??= [.. values];
                    redacted[i] = new(values[i].Key, clean);
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
