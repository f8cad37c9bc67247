using Microsoft.Extensions.Options;

namespace TerritoryGrid.Server.Security;

/// <summary>
/// Rotation without a restart: the keys file is compared by content every <see cref="ApiKeyOptions.KeysFileCheckInterval"/>
/// (so however an editor, a deployment or a mounted secret replaces it), and the configured keys are read again when
/// the configuration reloads. A file that does not read as valid keys leaves the keys in force and says why: a
/// half-written file must not lock every caller out, nor a mistyped entry be silently skipped.
/// </summary>
public sealed partial class ApiKeyReloader(ApiKeyStore store, IOptionsMonitor<ApiKeyOptions> options, ILogger<ApiKeyReloader> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var configurationChanged = 0;
        using var subscription = options.OnChange(_ => Interlocked.Exchange(ref configurationChanged, 1));
        using var timer = new PeriodicTimer(options.CurrentValue.KeysFileCheckInterval);
        string? refusedFileHash = null;
        var unreadable = false;
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var current = store.Current;
            var keysFile = options.CurrentValue.KeysFile ?? current.KeysFile;
            string? fileHash;
            try
            {
                fileHash = ApiKeyStore.FileHash(keysFile);
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                // Unreadable for now (being replaced, permissions changed): the keys in force stay, the server stays up.
                if (!unreadable)
                {
                    LogUnreadable(logger, keysFile, error.Message);
                }

                unreadable = true;
                continue;
            }

            unreadable = false;

            var configured = Interlocked.Exchange(ref configurationChanged, 0) == 1;
            var fileChanged = keysFile != current.KeysFile || fileHash != current.KeysFileHash;
            if (configured || (fileChanged && fileHash != refusedFileHash))
            {
                refusedFileHash = Reload(current, keysFile) ? null : fileHash;
            }
        }
    }

    /// <summary>Replaces the keys in force; false (and the keys kept) when the new ones do not read.</summary>
    private bool Reload(ApiKeyStore.Snapshot previous, string keysFile)
    {
        ApiKeyStore.Snapshot next;
        try
        {
            next = ApiKeyStore.Read(options.CurrentValue, keysFile);
        }
        catch (InvalidOperationException error)
        {
            LogRefused(logger, error.Message, previous.ByHash.Count);
            return false;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            LogRefused(logger, $"{keysFile}: {error.Message}", previous.ByHash.Count);
            return false;
        }

        store.Replace(next);
        var added = next.ByHash.Where(k => !previous.ByHash.ContainsKey(k.Key)).Select(k => k.Value.Name).ToList();
        var removed = previous.ByHash.Where(k => !next.ByHash.ContainsKey(k.Key)).Select(k => k.Value.Name).ToList();
        LogReloaded(logger, next.ByHash.Count, added.Count == 0 ? "none" : string.Join(", ", added), removed.Count == 0 ? "none" : string.Join(", ", removed));
        if (next.ByHash.Count == 0)
        {
            LogNoKeys(logger);
        }

        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The keys file {KeysFile} cannot be read ({Problem}); the keys in force stay")]
    private static partial void LogUnreadable(ILogger logger, string keysFile, string problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "API keys reloaded: {Count} in force; added: {Added}; revoked: {Removed}")]
    private static partial void LogReloaded(ILogger logger, int count, string added, string removed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No API key is configured any more: every call will be refused until one is added")]
    private static partial void LogNoKeys(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "The changed API keys were not applied ({Problem}); the {Count} keys in force stay until it is fixed")]
    private static partial void LogRefused(ILogger logger, string problem, int count);
}
