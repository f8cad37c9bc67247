using TerritoryGrid.Domain;
using Microsoft.Extensions.Options;
using TerritoryGrid.Contracts.Activity;
using TerritoryGrid.Contracts.Company;
using TerritoryGrid.Contracts.Grains;
using TerritoryGrid.Contracts.Metrics;
using TerritoryGrid.Contracts.Rollups;
using TerritoryGrid.Contracts.Roster;
using TerritoryGrid.Domain.Coverage;
using TerritoryGrid.Grains.Accounts;
using TerritoryGrid.Grains.Notifications;
using TerritoryGrid.Grains.Persistence;

namespace TerritoryGrid.Grains.Territories;

/// <summary>
/// One territory: sums its accounts' contributions and classifies itself when its event-time watermark crosses a day
/// boundary, so the same events always give the same status history, however fast they arrive.
/// </summary>
internal sealed class TerritoryGrain(
    [PersistentState("territory", StorageNames.Grains)] IPersistentState<TerritoryState> persisted,
    IOptions<MetricsOptions> options,
    ITerritoryChangeSink changes,
    IActivityLog log)
    : CheckpointedGrain<TerritoryState>(persisted, log.IsDurable ? options.Value.CheckpointDelay : null), ITerritoryGrain
{
    /// <summary>Without a durable log the state lives in process memory (in-memory storage).</summary>
    protected override bool StateOutlivesTheProcess => log.IsDurable;

    /// <summary>Status changes kept per territory (a daily flip for almost three years).</summary>
    private const int MaxHistory = 1000;

    private readonly MetricsOptions metrics = options.Value;
    private IGrainTimer? pushTimer;
    private DateTimeOffset lastPush = DateTimeOffset.MinValue;

    // Changes derived and not announced yet (see AnnounceWhenSettled); held in memory only, announced at deactivation.
    private HashSet<(DateTimeOffset At, ServiceStatus From, ServiceStatus To)>? unsettled;
    private IGrainTimer? settleTimer;

    private string TerritoryId => GrainKeys.IdOf(this.GetPrimaryKeyString());

    /// <summary>Changes still settling are announced as they stand: a deactivated territory has no timer to wait for.</summary>
    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        AnnounceSettled();
        return base.OnDeactivateAsync(reason, cancellationToken);
    }

    /// <summary>
    /// With a durable log, state read back may predate the last contributions (they arrive between checkpoints): ask
    /// every account to send its contribution again. Accounts replay their own log tail as they activate.
    /// </summary>
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await base.OnActivateAsync(cancellationToken);
        if (log.IsDurable)
        {
            AskAccountsToRepublish();
        }
    }

    public Task<string[]> GetAccountIds() => Task.FromResult(ReportingAccountIds());

    private string[] ReportingAccountIds() =>
        State.Setup is { } setup ? [.. setup.AccountIds.Concat(setup.FormerAccountIds ?? []).Distinct(StringComparer.Ordinal)] : [];

    /// <summary>
    /// Not awaited: a territory must not wait on its accounts while it activates. The recoveries that need every
    /// account's answer (a silo lost, a restart, a restore) ask the accounts themselves, and ask again on failure.
    /// </summary>
    private void AskAccountsToRepublish()
    {
        var key = this.GetPrimaryKeyString();
        var prefix = key[..(key.Length - TerritoryId.Length)];
        foreach (var accountId in ReportingAccountIds())
        {
            _ = GrainFactory.GetGrain<IAccountGrain>(prefix + accountId).Republish()
                .ContinueWith(static failed => failed.Exception, TaskContinuationOptions.OnlyOnFaulted);
        }
    }

    public async Task<string[]> BeginRebuild()
    {
        if (State.Setup is not { } setup)
        {
            return [];
        }

        if (State.RebuildHorizon is null)
        {
            State.StatusBeforeRebuild = State.Status;
        }

        State.RebuildHorizon = setup.PlanStart;
        State.Book = new();
        State.Trend.Clear();
        State.History.Clear();
        State.Snapshots.Clear();
        State.Status = ServiceStatus.Balanced;
        State.StatusReason = "rebuilding from the stored activity";
        State.StatusSince = null;
        State.Provisional = true;
        MarkDirty();
        await CheckpointNowAsync();
        SchedulePush();
        return ReportingAccountIds();
    }

    public Task AdvanceRebuild(DateTimeOffset horizon)
    {
        if (State.RebuildHorizon is { } current && horizon > current && State.Setup is not null)
        {
            State.RebuildHorizon = horizon;
            CloseDays(null);
            MarkDirty();
        }

        return Task.CompletedTask;
    }

    public async Task EndRebuild()
    {
        if (State.RebuildHorizon is null || State.Setup is null)
        {
            return;
        }

        State.RebuildHorizon = null;
        CloseDays(null);
        if (State.Status != State.StatusBeforeRebuild && State.History.Count > 0)
        {
            // The outcome is news even when the change that leads to it was announced before the rebuild.
            Announce(State.History[^1], evenIfAnnouncedBefore: true);
        }

        MarkDirty();
        await CheckpointNowAsync();
        SchedulePush();
    }

    public Task Setup(TerritorySetup setup)
    {
        State.Setup = setup;
        MarkDirty();
        return CheckpointNowAsync();
    }

    public async Task UpdateDefinition(string name, string? region, double annualQuota)
    {
        if (State.Setup is { } setup)
        {
            State.Setup = setup with { Name = name, Region = region, AnnualQuota = annualQuota };
            MarkDirty();
            await CheckpointNowAsync();
            SchedulePush();
        }
    }

    public Task ApplyContributions(AccountContribution[] contributions)
    {
        var (changed, earliest) = State.Book.ApplyAll(contributions);

        if (changed && State.Setup is not null)
        {
            CloseDays(earliest);
            MarkDirty();
            SchedulePush();
        }

        return Task.CompletedTask;
    }

    public Task<TerritoryMetrics?> GetMetrics() => Task.FromResult(Metrics());

    /// <summary>
    /// Announces the territory's figures at most once per push interval however many contributions arrive: at once
    /// when it has not announced within the interval (no added latency for a quiet territory), else at its end.
    /// </summary>
    private void SchedulePush()
    {
        if (pushTimer is not null || !changes.ShowsFigures)
        {
            return;
        }

        var sinceLast = DateTimeOffset.UtcNow - lastPush;
        if (sinceLast >= metrics.PushInterval)
        {
            Push();
            return;
        }

        pushTimer = this.RegisterGrainTimer(
            _ =>
            {
                pushTimer?.Dispose();
                pushTimer = null;
                Push();
                return Task.CompletedTask;
            },
            new GrainTimerCreationOptions { DueTime = metrics.PushInterval - sinceLast, Period = Timeout.InfiniteTimeSpan });
    }

    private void Push()
    {
        lastPush = DateTimeOffset.UtcNow;
        if (Metrics() is { } current)
        {
            changes.TerritoryChanged(GrainKeys.WorkspaceOf(this.GetPrimaryKeyString()), current);
        }
    }

    private TerritoryMetrics? Metrics()
    {
        if (State.Setup is not { } setup)
        {
            return null;
        }

        var book = State.Book;
        var watermark = Watermark(setup);
        var window = book.At(watermark, EventDay.Of(watermark), metrics);
        var (capacity, reps) = CapacityAt(setup, watermark);
        var trend = State.Trend.Count <= 60 ? State.Trend.ToArray() : State.Trend.GetRange(State.Trend.Count - 60, 60).ToArray();
        return new TerritoryMetrics(
            TerritoryId, setup.Name, setup.Region, watermark, State.Status, State.StatusReason, State.StatusSince,
            window.DemandHours, capacity, window.Adherence, window.LeadsWaitingPastTarget, reps,
            setup.AccountCount, book.CoveredAccounts, book.Totals,
            [.. book.RevenueByProduct.Where(p => p.Value != 0).Select(p => new ProductAmount(p.Key, p.Value))],
            book.RevenuePotential, window.RevenueAtRisk, setup.AnnualQuota, trend, book.Months(), window.Orphaned);
    }

    public async Task Realign(string[] accountIds, string[] formerAccountIds, CapacityChange[] capacityChanges)
    {
        if (State.Setup is { } setup)
        {
            var former = (setup.FormerAccountIds ?? []).Union(formerAccountIds, StringComparer.Ordinal).Except(accountIds, StringComparer.Ordinal);
            State.Setup = setup with { AccountIds = accountIds, AccountCount = accountIds.Length, FormerAccountIds = [.. former] };
            MarkDirty();
        }

        await ApplyCapacityChanges(capacityChanges);
    }

    public Task<TerritoryAsOf?> GetMetricsAsOf(DateOnly day)
    {
        var endOfDay = new DateTimeOffset(day.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        if (State.Setup is not { } setup || SnapshotAt(endOfDay) is not { } snapshot)
        {
            return Task.FromResult<TerritoryAsOf?>(null);
        }

        var trend = State.Trend.Where(p => p.Day <= endOfDay).TakeLast(60).ToArray();
        var metrics = new TerritoryMetrics(
            TerritoryId, setup.Name, setup.Region, endOfDay, snapshot.Status, snapshot.StatusReason, snapshot.StatusSince,
            snapshot.DemandHours, snapshot.CapacityHours, snapshot.Adherence, snapshot.LeadsWaitingPastTarget, snapshot.RepCount,
            setup.AccountCount, snapshot.AccountsReporting, snapshot.Totals, [], snapshot.RevenuePotential, snapshot.RevenueAtRisk,
            setup.AnnualQuota, trend);
        return Task.FromResult<TerritoryAsOf?>(new TerritoryAsOf(metrics, [.. State.History.Where(c => c.At <= endOfDay)]));
    }

    /// <summary>
    /// The snapshot of a boundary, by binary search: snapshots are in time order, and usually one per day, but an
    /// upgrade or a provisional restart may leave gaps.
    /// </summary>
    private TerritorySnapshot? SnapshotAt(DateTimeOffset boundary)
    {
        var snapshots = State.Snapshots;
        int low = 0, high = snapshots.Count - 1;
        while (low <= high)
        {
            var middle = low + ((high - low) / 2);
            var order = snapshots[middle].At.CompareTo(boundary);
            if (order == 0)
            {
                return snapshots[middle];
            }

            (low, high) = order < 0 ? (middle + 1, high) : (low, middle - 1);
        }

        return null;
    }

    public Task<string[]> GetRepIds() => Task.FromResult(
        State.Setup?.Reps.Select(r => r.RepId).Concat(State.CapacityChanges.Select(c => c.RepId)).Distinct().ToArray() ?? []);

    public async Task ApplyCapacityChanges(CapacityChange[] changes)
    {
        foreach (var change in changes)
        {
            State.CapacityChanges.RemoveAll(c => c.RepId == change.RepId && c.EffectiveAt == change.EffectiveAt);
            State.CapacityChanges.Add(change);
        }

        State.CapacityChanges.Sort((a, b) => a.EffectiveAt.CompareTo(b.EffectiveAt));
        if (State.Setup is not null && changes.Length > 0)
        {
            CloseDays(changes.Min(c => c.EffectiveAt));
            SchedulePush();
        }

        MarkDirty();
        await CheckpointNowAsync();
    }

    /// <summary>Capacity hours per week and reps working, as of <paramref name="at"/>: the setup, then every change in force.</summary>
    private (double Hours, int Reps) CapacityAt(TerritorySetup setup, DateTimeOffset at)
    {
        var byRep = setup.Reps.ToDictionary(r => r.RepId, r => r.CapacityHoursPerWeek, StringComparer.Ordinal);
        foreach (var change in State.CapacityChanges)
        {
            if (change.EffectiveAt > at)
            {
                break;
            }

            byRep[change.RepId] = change.CapacityHoursPerWeek;
        }

        return (byRep.Values.Sum(), byRep.Values.Count(c => c > 0));
    }

    public Task<DateTimeOffset?> GetWatermark() =>
        Task.FromResult(State.Setup is { } setup ? Watermark(setup) : (DateTimeOffset?)null);

    public Task<StatusChange[]> GetStatusHistory() => Task.FromResult(State.History.ToArray());

    /// <summary>
    /// Records the status as of each day boundary the watermark has passed (by the closing delay), and revises the
    /// days from the earliest event time a contribution changed: every day is a pure function of the events up to
    /// it, so the history is the same however the events were batched, coalesced or timed. Until every account has
    /// reported once, the status is provisional and re-evaluated (a partly loaded territory must not fix one).
    /// </summary>
    private void CloseDays(DateTimeOffset? earliestChange)
    {
        var setup = State.Setup!;
        var closable = EventDay.Of(Watermark(setup) - metrics.StatusClosingDelay);
        if (State.RebuildHorizon is { } horizon)
        {
            closable = Math.Min(closable, EventDay.Of(horizon - metrics.StatusClosingDelay));
        }

        int first;
        if (State.Provisional || State.Trend.Count == 0)
        {
            // History starts at the plan start, whenever loading finished, so it does not depend on timing.
            State.Trend.Clear();
            State.History.Clear();
            State.Snapshots.Clear();
            first = Math.Min(closable, EventDay.Of(setup.PlanStart - metrics.StatusClosingDelay));
        }
        else
        {
            var firstDay = EventDay.Of(State.Trend[0].Day);
            first = EventDay.Of(State.Trend[^1].Day) + 1;
            // A boundary (the start of a day) sees only what happened before it: a change at t affects the boundaries
            // after t, so events of the current day revise nothing already recorded.
            if (earliestChange is { } changed && FirstBoundaryAfter(changed) < first)
            {
                // Older days than the revision margin lack the accounts' data to be recomputed: they stay as recorded.
                var revisable = closable - metrics.LatenessDays - metrics.RevisionDays;
                first = Math.Max(Math.Max(FirstBoundaryAfter(changed), firstDay + 1), Math.Min(first, revisable));
            }
        }

        first = Math.Max(first, closable - metrics.TrendDays + 1);
        if (first > closable)
        {
            return;
        }

        Truncate(first);
        var previous = State.Trend.Count > 0 ? State.Trend[^1].Status : ServiceStatus.Balanced;
        for (var day = first; day <= closable; day++)
        {
            var (point, classification, snapshot) = Evaluate(setup, day, previous);
            if (State.Trend.Count > 0 && classification.Status != previous)
            {
                var change = new StatusChange(TerritoryId, point.Day, previous, classification.Status, classification.Reason);
                State.History.Add(change);
                // A rebuild re-derives old changes: they were announced when they happened (its end announces the outcome).
                if (State.RebuildHorizon is null)
                {
                    AnnounceWhenSettled(change);
                }
            }

            State.Trend.Add(point);
            State.Snapshots.Add(snapshot with { StatusSince = State.History.Count > 0 ? State.History[^1].At : State.Trend[0].Day });
            State.StatusReason = classification.Reason;
            previous = classification.Status;
        }

        State.Status = previous;
        State.StatusSince = State.History.Count > 0 ? State.History[^1].At : State.Trend[0].Day;
        State.Provisional = State.Book.CoveredAccounts < setup.AccountCount;
        if (State.Trend.Count > metrics.TrendDays)
        {
            State.Trend.RemoveRange(0, State.Trend.Count - metrics.TrendDays);
        }

        if (State.Snapshots.Count > metrics.SnapshotDays)
        {
            State.Snapshots.RemoveRange(0, State.Snapshots.Count - metrics.SnapshotDays);
        }

        if (State.History.Count > MaxHistory)
        {
            State.History.RemoveRange(0, State.History.Count - MaxHistory);
        }

        // Older days than the trend holds are never derived again: nothing there can be announced twice.
        for (var i = State.Announced.Count - 1; i >= 0; i--)
        {
            if (State.Announced[i].At < State.Trend[0].Day)
            {
                State.Announced.RemoveAt(i);
            }
        }
    }

    /// <summary>
    /// Holds a change just derived for <see cref="MetricsOptions.StatusSettleDelay"/>, then announces it as the history
    /// then records it: a batch whose contributions land in more than one roll-up flush settles first.
    /// </summary>
    private void AnnounceWhenSettled(StatusChange change)
    {
        if (IsAnnounced(change))
        {
            return;
        }

        (unsettled ??= []).Add(Identity(change));
        settleTimer ??= this.RegisterGrainTimer(
            _ =>
            {
                settleTimer?.Dispose();
                settleTimer = null;
                AnnounceSettled();
                return Task.CompletedTask;
            },
            new GrainTimerCreationOptions { DueTime = metrics.StatusSettleDelay, Period = Timeout.InfiniteTimeSpan });
    }

    /// <summary>Announces, once each, the held changes the history still records (a revision may have moved or removed some).</summary>
    private void AnnounceSettled()
    {
        if (unsettled is not { Count: > 0 } held)
        {
            return;
        }

        unsettled = null;
        foreach (var change in State.History.Where(c => held.Contains(Identity(c))).OrderBy(c => c.At))
        {
            Announce(change);
        }
    }

    private bool IsAnnounced(StatusChange change) => State.Announced.Exists(a => Identity(a) == Identity(change));

    private void Announce(StatusChange change, bool evenIfAnnouncedBefore = false)
    {
        if (IsAnnounced(change) && !evenIfAnnouncedBefore)
        {
            return;
        }

        // The identity is what counts; the reason would double what the history already stores.
        State.Announced.Add(change with { Reason = "" });
        if (State.Announced.Count > MaxHistory)
        {
            State.Announced.RemoveAt(0);
        }

        MarkDirty();
        changes.StatusChanged(GrainKeys.WorkspaceOf(this.GetPrimaryKeyString()), change);
    }

    private static (DateTimeOffset At, ServiceStatus From, ServiceStatus To) Identity(StatusChange change) =>
        (change.At, change.From, change.To);

    /// <summary>The first day whose start is at or after <paramref name="at"/> (a change at midnight belongs to that day's boundary).</summary>
    private static int FirstBoundaryAfter(DateTimeOffset at) =>
        EventDay.Start(EventDay.Of(at)) == at ? EventDay.Of(at) : EventDay.Of(at) + 1;

    /// <summary>Removes the days from <paramref name="first"/> on, with their status changes (to be derived again).</summary>
    private void Truncate(int first)
    {
        var from = EventDay.Start(first);
        State.Trend.RemoveAll(p => p.Day >= from);
        State.Snapshots.RemoveAll(p => p.At >= from);
        State.History.RemoveAll(c => c.At >= from);
    }

    /// <summary>
    /// Classifies the territory as of the start of <paramref name="day"/>, with its figures then (totals of the events
    /// before it, not of every event received so far).
    /// </summary>
    private (DailyPoint Point, Classification Classification, TerritorySnapshot Snapshot) Evaluate(TerritorySetup setup, int day, ServiceStatus previous)
    {
        var book = State.Book;
        var at = EventDay.Start(day);
        var (window, totals) = book.Closing(day, metrics);
        var (capacity, reps) = CapacityAt(setup, at);
        var inputs = new CoverageInputs(capacity, window.DemandHours, window.Adherence, window.LeadsWaitingPastTarget, reps, window.Orphaned);
        var classification = Classifier.Classify(inputs, previous, metrics.Classification);
        var point = new DailyPoint(at, classification.Status, double.IsFinite(inputs.Coverage) ? inputs.Coverage : null, window.Adherence, window.DemandHours,
            inputs.CapacityHours, totals.Revenue, totals.NetProfit, totals.Leads, totals.Opportunities, totals.Wins);
        var snapshot = new TerritorySnapshot(at, classification.Status, classification.Reason, null, window.DemandHours, capacity,
            window.Adherence, window.LeadsWaitingPastTarget, reps, book.CoveredAccounts, totals, book.RevenuePotential, window.RevenueAtRisk);
        return (point, classification, snapshot);
    }

    private DateTimeOffset Watermark(TerritorySetup setup) =>
        State.Book.Watermark is { } latest && latest > setup.PlanStart ? latest : setup.PlanStart;

}
