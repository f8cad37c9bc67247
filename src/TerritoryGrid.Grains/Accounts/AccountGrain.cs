using TerritoryGrid.Domain;
using Microsoft.Extensions.Options;
using TerritoryGrid.Contracts.Activity;
using TerritoryGrid.Contracts.Company;
using TerritoryGrid.Contracts.Grains;
using TerritoryGrid.Contracts.Metrics;
using TerritoryGrid.Contracts.Rollups;
using TerritoryGrid.Domain.Coverage;
using TerritoryGrid.Grains.Persistence;
using TerritoryGrid.Grains.Rollups;

namespace TerritoryGrid.Grains.Accounts;

/// <summary>
/// One account: applies its events in batches, and publishes its contribution to its territory and reps through the
/// silo's <see cref="RollupDispatcher"/>, which coalesces them (no grain call per event per level).
/// </summary>
internal sealed class AccountGrain(
    [PersistentState("account", StorageNames.Grains)] IPersistentState<AccountState> persisted,
    RollupDispatcher dispatcher,
    IActivityLog log,
    IOptions<MetricsOptions> options)
    : CheckpointedGrain<AccountState>(persisted, log.IsDurable ? options.Value.AccountCheckpointDelay : null), IAccountGrain
{
    private readonly MetricsOptions metrics = options.Value;
    private AccountLedger? ledger;

    /// <summary>Most outcomes kept for records applied ahead of their own call.</summary>
    private const int MaxAppliedAhead = 64;

    /// <summary>
    /// Outcomes of log records applied before their own call arrived (replayed on activation, or read from the log to
    /// fill a gap), kept until that call arrives to answer it.
    /// </summary>
    private SortedDictionary<long, AccountBatchResult>? appliedAhead;

    private string AccountId => SiblingKeys.IdOf(this.GetGrainId());

    private AccountLedger Ledger => ledger ??= new AccountLedger(State, metrics);

    /// <summary>Replays the activity logged after the last checkpoint, then re-sends the contribution (targets may have recovered too).</summary>
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await base.OnActivateAsync(cancellationToken);
        if (State.Setup is null)
        {
            return;
        }

        State.Sequence = Math.Max(State.Sequence, IncarnationSequence(DateTimeOffset.UtcNow));
        if (!log.IsDurable)
        {
            return;
        }

        var earliest = await CatchUpAsync(long.MaxValue, cancellationToken);
        State.Sequence++;
        PublishTo(State.ByRep.Keys.ToArray(), earliest, includeFormer: true);
    }

    /// <summary>
    /// The first contribution number of an incarnation. Numbers must keep rising across incarnations, but state read
    /// back from a checkpoint may hold a lower one than the last sent before a crash (targets would ignore what the
    /// replay sends). So an incarnation starts above any number an earlier one used: its activation time in
    /// milliseconds, shifted to leave room for 2^20 changes per millisecond an earlier incarnation lived. This assumes
    /// silo clocks agree to within the life of an incarnation, as Orleans membership already does.
    /// </summary>
    internal static long IncarnationSequence(DateTimeOffset now) => now.ToUnixTimeMilliseconds() << 20;

    /// <summary>Without a durable log the state lives in process memory (in-memory storage): 100,000 writes on the way out would only delay the stop.</summary>
    protected override bool StateOutlivesTheProcess => log.IsDurable;

    public Task Republish()
    {
        if (State.Setup is not null)
        {
            State.Sequence++;
            PublishTo(State.ByRep.Keys.ToArray(), null, includeFormer: true);
        }

        return Task.CompletedTask;
    }

    public Task BeginRebuild()
    {
        if (State.Setup is not { } setup)
        {
            this.DeactivateOnIdle();
            return Task.CompletedTask;
        }

        // Reps credited so far hear the emptied contribution too: the replay may credit some of them nothing.
        var creditedReps = State.ByRep.Keys.ToArray();
        Persisted.State = AccountRebuild.Forgetting(State);
        ledger = null;
        appliedAhead = null;
        State.Sequence++;
        PublishTo(creditedReps, setup.PlanStart, includeFormer: true);
        // Written with the next checkpoint, not at once (100,000 writes would slow every rebuild): a silo lost before
        // then reactivates the account from its last checkpoint, consistent with its log, and a rebuild started again
        // resets it again.
        MarkDirty();
        return Task.CompletedTask;
    }

    public async Task Setup(AccountSetup setup)
    {
        var previous = State.Setup;
        var isNew = previous is null;
        // An update in place keeps when the account's call plan started (it joined later than the company, maybe).
        State.Setup = previous is null ? setup : setup with { PlanStart = previous.PlanStart };
        State.ClosedAt = null;
        if (isNew)
        {
            State.Stage = setup.Stage;
        }

        State.Sequence++;
        var reps = new HashSet<string>(State.ByRep.Keys, StringComparer.Ordinal);
        if (previous?.OwnerRepId is { } oldOwner)
        {
            reps.Add(oldOwner);
        }

        if (previous is not null && previous.TerritoryId != setup.TerritoryId)
        {
            // The old territory gets an empty contribution, which removes the account from its totals.
            dispatcher.Publish(RollupTargetKind.Territory, Key(previous.TerritoryId),
                new AccountContribution(AccountId, State.Sequence, default, [], null, null, null));
        }

        PublishTo([.. reps], State.Setup.PlanStart);
        MarkDirty();
        // Logged activity is replayed onto a set-up account: the setup itself must not wait for a checkpoint.
        await CheckpointNowAsync();
    }

    public async Task MarkOrphaned(DateTimeOffset from)
    {
        if (State.Setup is null || (State.IsOrphanedAt(from) && State.OrphanedUntil is null))
        {
            return;
        }

        State.OrphanedFrom = from;
        State.OrphanedUntil = null;
        await RepublishChangedFromAsync(from);
    }

    public async Task Close(DateTimeOffset at)
    {
        if (State.Setup is null || State.ClosedAt == at)
        {
            return;
        }

        State.ClosedAt = at;
        await RepublishChangedFromAsync(at);
    }

    /// <summary>Sends every territory and rep the account has belonged to its contribution, revising their days from <paramref name="changedFrom"/>.</summary>
    private async Task RepublishChangedFromAsync(DateTimeOffset changedFrom)
    {
        State.Sequence++;
        PublishTo(State.ByRep.Keys.ToArray(), changedFrom, includeFormer: true);
        MarkDirty();
        await CheckpointNowAsync();
    }

    public async Task<string?> PrepareSwitch(string planId, DateTimeOffset effectiveAt)
    {
        if (State.Setup is null)
        {
            this.DeactivateOnIdle();
            return $"account '{AccountId}' does not exist";
        }

        var refusal = AlignmentSwitch.Prepare(State, AccountId, planId, effectiveAt);
        if (refusal is null)
        {
            MarkDirty();
            await CheckpointNowAsync();
        }

        return refusal;
    }

    public async Task CommitSwitch(string planId, AccountSetup next)
    {
        if (!AlignmentSwitch.Commit(State, AccountId, planId, next))
        {
            return;
        }

        State.Sequence++;
        PublishTo(State.ByRep.Keys.ToArray(), State.AssignedFrom, includeFormer: true);
        MarkDirty();
        await CheckpointNowAsync();
    }

    public async Task AbortSwitch(string planId)
    {
        if (State.PendingSwitch?.PlanId == planId)
        {
            State.PendingSwitch = null;
            MarkDirty();
            await CheckpointNowAsync();
        }
    }

    public async Task<AccountBatchResult> Apply(ActivityEvent[] events, long logSequence)
    {
        if (State.Setup is null)
        {
            // Nothing to keep: do not let unknown ids hold memory until idle collection.
            this.DeactivateOnIdle();
            var unknown = new ApplyOutcome[events.Length];
            Array.Fill(unknown, ApplyOutcome.UnknownAccount);
            return new AccountBatchResult(unknown, null);
        }

        if (logSequence > 0 && logSequence <= State.LogSequence)
        {
            return appliedAhead is not null && appliedAhead.Remove(logSequence, out var recorded) ? recorded : AllDuplicates(events.Length);
        }

        if (logSequence > State.LogSequence + 1)
        {
            // An earlier record's call has not arrived yet: apply it from the log first, so records apply in order.
            await CatchUpAsync(logSequence - 1, CancellationToken.None);
        }

        DateTimeOffset? earliest = null;
        AccountBatchResult result;
        if (CanCorrect(events, logSequence))
        {
            (result, earliest) = await ApplyCorrectingAsync(events, logSequence, CancellationToken.None);
        }
        else
        {
            result = ApplyEvents(events, ref earliest);
        }

        if (logSequence > 0)
        {
            State.LogSequence = logSequence;
            MarkDirty();
        }
        else if (earliest is not null)
        {
            MarkDirty();
        }

        return result;
    }

    /// <summary>Applies, in order, the logged records after the last one applied, up to <paramref name="upTo"/>.</summary>
    private async Task<DateTimeOffset?> CatchUpAsync(long upTo, CancellationToken cancellationToken)
    {
        var (workspace, generation, accountId) = GrainKeys.Parse(this.GetPrimaryKeyString());
        DateTimeOffset? earliest = null;
        await foreach (var record in log.ReadAsync(workspace, generation, accountId, State.LogSequence, upTo, cancellationToken))
        {
            appliedAhead ??= [];
            if (CanCorrect(record.Events, record.Sequence))
            {
                (appliedAhead[record.Sequence], var corrected) = await ApplyCorrectingAsync(record.Events, record.Sequence, cancellationToken);
                earliest = Earlier(earliest, corrected);
            }
            else
            {
                appliedAhead[record.Sequence] = ApplyEvents(record.Events, ref earliest);
            }

            State.LogSequence = record.Sequence;
            if (appliedAhead.Count > MaxAppliedAhead)
            {
                // A call that never came (its sender died): its client got no answer and retries, seeing duplicates.
                appliedAhead.Remove(appliedAhead.Keys.First());
            }
        }

        if (appliedAhead is { Count: > 0 })
        {
            MarkDirty();
        }

        return earliest;
    }

    /// <summary>Whether a record holds corrections that can be applied: they need the record's earlier ones from the log.</summary>
    private bool CanCorrect(ActivityEvent[] events, long logSequence) =>
        log.IsDurable && logSequence > 0 && Array.Exists(events, e => e.Kind.IsCorrection());

    /// <summary>
    /// Applies a record holding voids or amendments. The events they name are read back from the log (the account keeps
    /// only hashes), and once one is accepted the account is recomputed from its log with the corrections in force, so
    /// every figure the corrected event changed, and everything after it that depended on it (lateness, funnel stage,
    /// sales cycles, former territories' credit), comes out as if the event had never happened or had said so from the
    /// start.
    /// </summary>
    private async Task<(AccountBatchResult Result, DateTimeOffset? Earliest)> ApplyCorrectingAsync(
        ActivityEvent[] events, long logSequence, CancellationToken cancellationToken)
    {
        var (workspace, generation, accountId) = GrainKeys.Parse(this.GetPrimaryKeyString());
        var earlier = new List<LoggedEvents>();
        await foreach (var record in log.ReadAsync(workspace, generation, accountId, 0, logSequence - 1, cancellationToken))
        {
            earlier.Add(record);
        }

        DateTimeOffset? earliest = null;
        AccountBatchResult result;
        Ledger.CorrectionTargets = new CorrectionTargets(earlier, events);
        try
        {
            result = ApplyEvents(events, ref earliest);
        }
        finally
        {
            Ledger.CorrectionTargets = null;
        }

        if (Ledger.TakeCorrectedFrom() is { } correctedFrom)
        {
            earliest = Earlier(earliest, correctedFrom);
            Recompute(earlier, events, earliest!.Value);
        }

        return (result, earliest);
    }

    /// <summary>Starts the account again from its alignment and replays its log, the corrections accepted so far in force.</summary>
    private void Recompute(List<LoggedEvents> earlierRecords, ActivityEvent[] currentRecord, DateTimeOffset changedFrom)
    {
        var creditedReps = State.ByRep.Keys.ToArray();
        var corrections = State.Corrections;
        Persisted.State = AccountRebuild.Forgetting(State);
        State.Corrections = corrections;
        ledger = null;
        foreach (var record in earlierRecords)
        {
            Replay(record.Events);
        }

        Replay(currentRecord);
        State.Sequence++;
        // Reps credited before hear too: the corrected account may credit some of them nothing now.
        PublishTo([.. creditedReps.Union(Ledger.TakeChangedReps(), StringComparer.Ordinal)], changedFrom, includeFormer: true);
        MarkDirty();
    }

    private void Replay(ActivityEvent[] events)
    {
        var accountId = AccountId;
        foreach (var e in events)
        {
            if (e.AccountId == accountId)
            {
                Ledger.Apply(e);
            }
        }

        Ledger.Trim();
    }

    private static DateTimeOffset? Earlier(DateTimeOffset? a, DateTimeOffset? b) => a is null || (b is not null && b < a) ? b : a;

    private AccountBatchResult ApplyEvents(ActivityEvent[] events, ref DateTimeOffset? earliest)
    {
        var outcomes = new ApplyOutcome[events.Length];
        string?[]? reasons = null;
        var accountId = AccountId;
        DateTimeOffset? batchEarliest = null;
        for (var i = 0; i < events.Length; i++)
        {
            var (outcome, reason) = events[i].AccountId == accountId
                ? Ledger.Apply(events[i])
                : (ApplyOutcome.Invalid, $"event is for account '{events[i].AccountId}', sent to account '{accountId}'");
            outcomes[i] = outcome;
            if (outcome is ApplyOutcome.Accepted or ApplyOutcome.AcceptedLate &&
                (batchEarliest is null || events[i].OccurredAt < batchEarliest))
            {
                batchEarliest = events[i].OccurredAt;
            }

            if (reason is not null)
            {
                reasons ??= new string?[events.Length];
                reasons[i] = reason;
            }
        }

        if (batchEarliest is not null)
        {
            Ledger.Trim();
            State.Sequence++;
            PublishTo(Ledger.TakeChangedReps(), batchEarliest, changedDaysOnly: true);
            earliest = earliest is null || batchEarliest < earliest ? batchEarliest : earliest;
        }

        return new AccountBatchResult(outcomes, reasons);
    }

    private static AccountBatchResult AllDuplicates(int count)
    {
        var outcomes = new ApplyOutcome[count];
        Array.Fill(outcomes, ApplyOutcome.Duplicate);
        return new AccountBatchResult(outcomes, null);
    }

    public Task<AccountMetrics?> GetMetrics(DateTimeOffset? asOf)
    {
        if (State.Setup is not { } setup)
        {
            return Task.FromResult<AccountMetrics?>(null);
        }

        var at = asOf ?? State.Watermark ?? setup.PlanStart;
        var coverage = ContributionBuilder.Coverage(State, metrics);
        var window = metrics.Classification.WindowDays;
        var windowEnd = EventDay.Of(at);
        var delivered = coverage.TouchesBetween(windowEnd - window, windowEnd);
        var required = coverage.IsChurnedAt(at) || !coverage.IsCoveredAt(at)
            ? 0
            : CallPlanAdherence.RequiredTouches(coverage.TouchesPer4Weeks, windowEnd + 1 - coverage.PlanStartDay, window);
        var totals = ContributionBuilder.ForTerritory(AccountId, State, coverage).Totals;
        return Task.FromResult<AccountMetrics?>(new AccountMetrics(
            AccountId, setup.Name, setup.TerritoryId, setup.OwnerRepId, setup.Segment, State.Stage, setup.Industry, setup.City,
            setup.Latitude, setup.Longitude, setup.AnnualRevenue, setup.AnnualCostToServe, setup.RevenuePotential,
            coverage.DemandHoursPerWeek, delivered, required, State.LastContactAt, at, totals,
            [.. State.RevenueByProduct.Select(p => new ProductAmount(p.Key, p.Value))],
            [.. State.ByRep.Keys.Order(StringComparer.Ordinal)],
            setup.OwnerRepId is { } owner ? State.ByRep.GetValueOrDefault(owner).Touches : 0,
            State.IsOrphanedAt(at) || (State.OrphanedFrom is not null && State.OrphanedUntil is null) ? State.OrphanedFrom : null,
            State.ClosedAt));
    }

    /// <summary>
    /// Sends the territory and owner their contribution, and <paramref name="reps"/> theirs, with the earliest event time
    /// changed. Former territories and owners hear only when activity was credited to their period, or when asked.
    /// </summary>
    /// <remarks>
    /// <paramref name="changedDaysOnly"/>: the change is a batch of events, which changed no day before the earliest of
    /// them, so the territory is sent only the days from then on (every other change sends all of them).
    /// </remarks>
    private void PublishTo(IReadOnlyList<string> reps, DateTimeOffset? earliestChange, bool includeFormer = false, bool changedDaysOnly = false)
    {
        var setup = State.Setup!;
        var accountId = AccountId;
        // Covered from the current assignment: what the territory and the owner see, built once for both.
        var coverage = ContributionBuilder.Coverage(State, metrics, State.AssignedFrom);
        includeFormer |= Ledger.FormerChanged;
        Ledger.FormerChanged = false;
        var changedFromDay = changedDaysOnly && earliestChange is { } from ? EventDay.Of(from) : (int?)null;
        foreach (var (territoryId, contribution) in ContributionBuilder.ForTerritories(accountId, State, coverage, earliestChange, includeFormer, changedFromDay))
        {
            dispatcher.Publish(RollupTargetKind.Territory, Key(territoryId), contribution);
        }

        if (includeFormer)
        {
            reps = [.. reps.Concat(ContributionBuilder.FormerOwners(State)).Distinct(StringComparer.Ordinal)];
        }

        if (setup.OwnerRepId is { } owner)
        {
            dispatcher.Publish(RollupTargetKind.Rep, Key(owner), ContributionBuilder.ForRep(accountId, owner, State, coverage, earliestChange));
        }

        // Indexed, not foreach: after every batch, and an interface's enumerator is an allocation.
        for (var i = 0; i < reps.Count; i++)
        {
            var rep = reps[i];
            if (rep != setup.OwnerRepId)
            {
                dispatcher.Publish(RollupTargetKind.Rep, Key(rep), ContributionBuilder.ForRep(accountId, rep, State, coverage, earliestChange));
            }
        }
    }

    /// <summary>The key of a sibling grain (same workspace and generation).</summary>
    private string Key(string id) => SiblingKeys.Of(this.GetGrainId(), id);
}
