using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using TerritoryGrid.Contracts.Grains;

namespace TerritoryGrid.Application.Recovery;

/// <summary>
/// Has every account of a workspace's territories send its contribution again, and returns only once each has
/// answered (an account answers after its activation has replayed its logged activity). A recovery that fires and
/// forgets can lose a request in the failure it recovers from (a silo dying, a cluster still forming), and the
/// territory and reps would then lack that account's latest events until its next one: so a call that fails is made
/// again, and territories or accounts that keep failing fail the recovery, which names them, once every other one has
/// been asked.
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
        var unanswered = new ConcurrentQueue<(string Grain, Exception Error)>();
        var perTerritory = await Task.WhenAll(territoryIds.Select(id =>
            AskAsync(Key(id), () => grains.GetGrain<ITerritoryGrain>(Key(id)).GetAccountIds(), [], unanswered, logger, cancellationToken)));
        var accountIds = perTerritory.SelectMany(ids => ids).Distinct(StringComparer.Ordinal).ToArray();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(accountIds, parallel, async (id, token) =>
            await AskAsync(Key(id), async () =>
            {
                await grains.GetGrain<IAccountGrain>(Key(id)).Republish();
                return true;
            }, false, unanswered, logger, token));

        if (!unanswered.IsEmpty)
        {
            var (grain, error) = unanswered.First();
            throw new InvalidOperationException(
                $"{unanswered.Count} grains of workspace '{workspace}' (of {accountIds.Length} accounts asked) did not answer after {Attempts} attempts " +
                $"(their territories and reps lack those accounts' latest events until their next one); the first, '{grain}': {error.Message}", error);
        }

        return accountIds.Length;
    }

    /// <summary>
    /// The call's answer, asked again on failure; <paramref name="otherwise"/> once every attempt failed, the grain noted
    /// in <paramref name="unanswered"/>: one grain that cannot answer must not stop the others being asked.
    /// </summary>
    private static async Task<T> AskAsync<T>(
        string grain, Func<Task<T>> call, T otherwise, ConcurrentQueue<(string Grain, Exception Error)> unanswered, ILogger logger,
        CancellationToken cancellationToken)
    {
        try
        {
            return await WithRetriesAsync(grain, call, logger, cancellationToken);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            unanswered.Enqueue((grain, error));
            return otherwise;
        }
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
