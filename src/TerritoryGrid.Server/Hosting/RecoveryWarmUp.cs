using TerritoryGrid.Contracts.Activity;

namespace TerritoryGrid.Server.Hosting;

/// <summary>
/// After a (re)start on a durable store, activates every territory of every workspace: each asks its accounts to
/// report again, and accounts replay the activity logged after their last checkpoint, so the first read after a
/// crash already shows every acknowledged event.
/// </summary>
internal sealed partial class RecoveryWarmUp(
    IGrainFactory grains, IActivityLog log, IHostApplicationLifetime lifetime, ILogger<RecoveryWarmUp> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (log.IsDurable)
        {
            // After the silo has started: grain calls need it.
            lifetime.ApplicationStarted.Register(() => _ = WarmUpAsync(lifetime.ApplicationStopping));
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task WarmUpAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var (workspace, territories) in EveryTerritory.ByWorkspaceAsync(grains))
            {
                await Task.WhenAll(territories.Select(t => t.GetWatermark()));
                LogWarmedUp(logger, workspace, territories.Length);
                cancellationToken.ThrowIfCancellationRequested();
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogWarmUpFailed(logger, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Recovered workspace {Workspace}: {Territories} territories asked their accounts to report")]
    private static partial void LogWarmedUp(ILogger logger, string workspace, int territories);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recovery warm-up failed; territories recover when first read")]
    private static partial void LogWarmUpFailed(ILogger logger, Exception exception);
}
