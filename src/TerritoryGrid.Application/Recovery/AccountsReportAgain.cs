using Microsoft.Extensions.Logging;
using TerritoryGrid.Contracts.Grains;

namespace TerritoryGrid.Application.Recovery;

/// <summary>
/// Has every account of a workspace's territories send its contribution again, and returns only once each has
/// answered (an account answers after its activation has replayed its logged activity). A recovery that fires and
/// forgets can lose a request in the failure it recovers from (a silo dying, a cluster still forming), and the
/// territory and reps would then lack that account's latest events until its next one: so a call that fails is made
/// again, and accounts that keep failing fail the recovery, which names them, once every other account has been asked.
/// </summary>
public static partial class AccountsReportAgain
{
    /// <summary>Accounts asked at once: enough to overlap their log replays, few enough not to flood a recovering silo.</summary>
    private const int Parallelism = 64;

    private const int Attempts = 6;

    private static readonly TimeSpan BetweenAttempts = TimeSpan.FromSeconds(2);

    /// <summary>Returns how many accounts answered.</summary>
    public static async Task<int> RunAsync(
        IGrainFactory grains, string workspace, int generation, IEnumerable<string> territoryIds, ILogger logger,
        CancellationToken cancellationToken)
    {
        string Key(string id) => GrainKeys.Of(workspace, generation, id);
        var perTerritory = await Task.WhenAll(territoryIds.Select(id =>
            WithRetriesAsync(Key(id), () => grains.GetGrain<ITerritoryGrain>(Key(id)).GetAccountIds(), logger, cancellationToken)));
        var accountIds = perTerritory.SelectMany(ids => ids).Distinct(StringComparer.Ordinal).ToArray();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken };
        var unanswered = new System.Collections.Concurrent.ConcurrentQueue<(string Account, Exception Error)>();
        await Parallel.ForEachAsync(accountIds, parallel, async (id, token) =>
        {
            try
            {
                await WithRetriesAsync(Key(id), async () =>
                {
                    await grains.GetGrain<IAccountGrain>(Key(id)).Republish();
                    return true;
                }, logger, token);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                // One account that cannot answer must not stop the others being asked.
                unanswered.Enqueue((id, error));
            }
        });

        if (!unanswered.IsEmpty)
        {
            var (account, error) = unanswered.First();
            throw new InvalidOperationException(
                $"{unanswered.Count} of {accountIds.Length} accounts of workspace '{workspace}' did not report again after {Attempts} attempts " +
                $"(their territories and reps lack their latest events until their next one); the first, '{account}': {error.Message}", error);
        }

        return accountIds.Length;
    }

    private static async Task<T> WithRetriesAsync<T>(string grain, Func<Task<T>> call, ILogger logger, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call();
            }
            catch (Exception exception) when (attempt < Attempts && exception is not OperationCanceledException)
            {
                LogAttemptFailed(logger, grain, attempt, Attempts, exception.Message);
                await Task.Delay(BetweenAttempts, cancellationToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recovery: {Grain} did not answer (attempt {Attempt} of {Attempts}: {Reason}); asking again")]
    private static partial void LogAttemptFailed(ILogger logger, string grain, int attempt, int attempts, string reason);
}
