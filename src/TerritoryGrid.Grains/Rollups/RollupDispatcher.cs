using TerritoryGrid.Domain;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TerritoryGrid.Contracts.Grains;
using TerritoryGrid.Contracts.Rollups;

namespace TerritoryGrid.Grains.Rollups;

/// <summary>
/// Coalesces account contributions inside one silo and sends them to territories on a short timer (reps on a longer
/// one): one call per target per flush, whatever the number of events. Only the newest contribution of each account is
/// kept, so a busy account costs its territory one update per flush. A failed send is kept for the next flush
/// (unless a newer contribution replaced it); targets ignore sequences they have passed, so re-sends are harmless.
/// One account's contributions are never merged across more than <see cref="MetricsOptions.RevisionDays"/> of event
/// time: a newer one then opens a new generation, and generations reach each target in order, so a territory can
/// always revise its status history from complete data.
/// </summary>
internal sealed partial class RollupDispatcher(
    IGrainFactory grainFactory, IOptions<MetricsOptions> options, ILogger<RollupDispatcher> logger) : BackgroundService
{
    /// <summary>
    /// Targets are spread over stripes, each with its own lock: with one lock for all, accounts publishing on both
    /// cores at once waited for each other (5% of live ingest's CPU went to contended locking). One target is always
    /// in the same stripe, so its contributions keep their order.
    /// </summary>
    private const int StripeCount = 16;

    private readonly Stripe[] stripes = [.. Enumerable.Range(0, StripeCount).Select(_ => new Stripe())];

    private readonly RollupTargets targets = new(grainFactory);

    /// <summary>One flush at a time: two at once could deliver one target's generations out of order.</summary>
    private readonly SemaphoreSlim flushing = new(1, 1);

    /// <summary>Held while a flush delivers: a test holds it to stand for a delivery longer than a call may wait.</summary>
    internal SemaphoreSlim FlushGate => flushing;
    private long published;
    private long delivered;
    private volatile bool disposed;

    /// <summary>Contributions handed to the dispatcher, and those delivered to their targets (for lag and tests).</summary>
    public (long Published, long Delivered) Counts => (Interlocked.Read(ref published), Interlocked.Read(ref delivered));

    public void Publish(RollupTargetKind kind, string targetKey, AccountContribution contribution)
    {
        StripeOf(targetKey).Merge(kind, targetKey, contribution, options.Value.RevisionDays);

        Interlocked.Increment(ref published);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RollupFlushInterval);
        var repEvery = Math.Max(1, (int)Math.Round(options.Value.RepRollupFlushInterval / options.Value.RollupFlushInterval));
        try
        {
            for (var tick = 1L; await timer.WaitForNextTickAsync(stoppingToken); tick++)
            {
                await FlushAsync(includeReps: tick % repEvery == 0);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the final flush happens in StopAsync.
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await FlushAsync();
        }
        catch (ObjectDisposedException) when (disposed)
        {
            // A host stopped twice (a test server's factory stops it while its own entry point does) can come here
            // after the first stop flushed and disposed the dispatcher: nothing is left to send.
        }
    }

    /// <summary>
    /// Sends what is pending (for territories only, unless <paramref name="includeReps"/>), after any flush under way;
    /// returns when every send has completed or failed.
    /// </summary>
    public async Task FlushAsync(bool includeReps = true)
    {
        await flushing.WaitAsync();
        try
        {
            await Task.WhenAll(stripes.Select(stripe => FlushAsync(stripe, includeReps)));
        }
        finally
        {
            flushing.Release();
        }
    }

    public override void Dispose()
    {
        disposed = true;
        flushing.Dispose();
        base.Dispose();
    }

    private async Task FlushAsync(Stripe stripe, bool includeReps)
    {
        var (batch, since) = stripe.Take(includeReps);
        if (batch.Count == 0)
        {
            return;
        }

        await Task.WhenAll(batch.Select(target => SendAsync(stripe, target.Key, target.Value, since.GetValueOrDefault(target.Key))));
        stripe.KeepWaiting(since);
    }

    private async Task SendAsync(
        Stripe stripe, (RollupTargetKind Kind, string Key) target, List<Dictionary<string, AccountContribution>> generations, long publishedAt)
    {
        var grain = targets.Get(target.Kind, target.Key);
        for (var g = 0; g < generations.Count; g++)
        {
            var items = generations[g].Values.ToArray();
            try
            {
                await grain.ApplyContributions(items);
                Interlocked.Add(ref delivered, items.Length);
                if (publishedAt != 0)
                {
                    RollupTelemetry.Lag.Record(System.Diagnostics.Stopwatch.GetElapsedTime(publishedAt).TotalSeconds,
                        new KeyValuePair<string, object?>("target", target.Kind == RollupTargetKind.Territory ? "territory" : "rep"));
                    publishedAt = 0;
                }
            }
            catch (Exception exception)
            {
                LogSendFailed(logger, exception, target.Kind, target.Key, items.Length);
                foreach (var item in generations.Skip(g).SelectMany(generation => generation.Values))
                {
                    stripe.Merge(target.Kind, target.Key, item, options.Value.RevisionDays);
                }

                return;
            }
        }
    }

    private Stripe StripeOf(string targetKey) => stripes[(int)((uint)StringComparer.Ordinal.GetHashCode(targetKey) % StripeCount)];

    /// <summary>The pending contributions of the targets in one stripe, behind the stripe's own lock.</summary>
    private sealed class Stripe
    {
        private readonly Lock gate = new();

        private Dictionary<(RollupTargetKind Kind, string Key), List<Dictionary<string, AccountContribution>>> pending = [];

        /// <summary>
        /// How many accounts each target's last flush carried: a generation starts at that size instead of growing to it
        /// (a territory's grew through eight resizes every 100 ms; their arrays were 2.4% of live ingest's allocation).
        /// </summary>
        private readonly Dictionary<(RollupTargetKind Kind, string Key), int> lastSizes = [];

        private const int MaxRememberedSizes = 1 << 16;

        /// <summary>When the oldest contribution still pending for each target was published (Stopwatch ticks): the roll-up lag starts there.</summary>
        private Dictionary<(RollupTargetKind Kind, string Key), long> waitingSince = [];

        /// <summary>Takes what is to be sent now (territories only, unless <paramref name="includeReps"/>), with when each began waiting.</summary>
        public (Dictionary<(RollupTargetKind Kind, string Key), List<Dictionary<string, AccountContribution>>> Batch,
            Dictionary<(RollupTargetKind Kind, string Key), long> Since) Take(bool includeReps)
        {
            lock (gate)
            {
                if (pending.Count == 0)
                {
                    return ([], []);
                }

                var since = waitingSince;
                waitingSince = [];
                if (lastSizes.Count > MaxRememberedSizes)
                {
                    // Targets of earlier workspace generations (before a rebuild) are never flushed again.
                    lastSizes.Clear();
                }

                foreach (var (key, generations) in pending)
                {
                    if (includeReps || key.Kind == RollupTargetKind.Territory)
                    {
                        lastSizes[key] = generations[^1].Count;
                    }
                }

                if (includeReps)
                {
                    var all = pending;
                    pending = [];
                    return (all, since);
                }

                var territories = pending.Where(p => p.Key.Kind == RollupTargetKind.Territory).ToDictionary();
                foreach (var key in territories.Keys)
                {
                    pending.Remove(key);
                }

                return (territories, since);
            }
        }

        /// <summary>Targets not flushed this time (reps between their flushes) keep waiting since when they started.</summary>
        public void KeepWaiting(Dictionary<(RollupTargetKind Kind, string Key), long> since)
        {
            lock (gate)
            {
                foreach (var (key, at) in since.Where(s => pending.ContainsKey(s.Key)))
                {
                    waitingSince[key] = waitingSince.TryGetValue(key, out var later) ? Math.Min(at, later) : at;
                }
            }
        }

        /// <summary>Keeps the newest contribution of an account for a target.</summary>
        public void Merge(RollupTargetKind kind, string targetKey, AccountContribution contribution, int revisionDays)
        {
            lock (gate)
            {
                MergeLocked(kind, targetKey, contribution, revisionDays);
            }
        }

        private void MergeLocked(RollupTargetKind kind, string targetKey, AccountContribution contribution, int revisionDays)
        {
            waitingSince.TryAdd((kind, targetKey), System.Diagnostics.Stopwatch.GetTimestamp());
            if (!pending.TryGetValue((kind, targetKey), out var generations))
            {
                generations = [];
                pending[(kind, targetKey)] = generations;
            }

            var latest = generations.Count > 0 ? generations[^1] : null;
            if (latest is null || !latest.TryGetValue(contribution.AccountId, out var existing))
            {
                if (latest is null)
                {
                    latest = new Dictionary<string, AccountContribution>(lastSizes.GetValueOrDefault((kind, targetKey)), StringComparer.Ordinal);
                    generations.Add(latest);
                }

                latest[contribution.AccountId] = contribution;
                return;
            }

            var older = existing.Sequence < contribution.Sequence ? existing : contribution;
            var newer = existing.Sequence < contribution.Sequence ? contribution : existing;
            var earliest = Earliest(older.EarliestChangeAt, newer.EarliestChangeAt);
            if (existing.Sequence < contribution.Sequence && SpansTooMuch(earliest, newer.LatestEventAt, revisionDays))
            {
                // Merging would ask the target to revise further back than the account still has data for.
                generations.Add(new Dictionary<string, AccountContribution>(StringComparer.Ordinal) { [contribution.AccountId] = contribution });
                return;
            }

            latest[contribution.AccountId] = ChangedDays.Combine(older, newer) with { EarliestChangeAt = earliest };
        }

        private static bool SpansTooMuch(DateTimeOffset? earliest, DateTimeOffset? latest, int revisionDays) =>
            earliest is { } from && latest is { } to && (to - from).TotalDays > revisionDays;

        private static DateTimeOffset? Earliest(DateTimeOffset? a, DateTimeOffset? b) =>
            a is null ? b : b is null ? a : a < b ? a : b;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Roll-up to {Kind} {Key} failed for {Count} contributions; retrying on the next flush")]
    private static partial void LogSendFailed(ILogger logger, Exception exception, RollupTargetKind kind, string key, int count);
}
