using TerritoryGrid.Domain;
using Microsoft.Extensions.Options;
using TerritoryGrid.Contracts.Company;
using TerritoryGrid.Contracts.Grains;
using TerritoryGrid.Contracts.Metrics;
using TerritoryGrid.Contracts.Rollups;
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
    ITerritoryChangeSink changes)
    : CheckpointedGrain<TerritoryState>(persisted, options.Value.CheckpointDelay), ITerritoryGrain
{
    /// <summary>Status changes kept per territory (a daily flip for almost three years).</summary>
    private const int MaxHistory = 1000;

    private readonly MetricsOptions metrics = options.Value;
    private IGrainTimer? pushTimer;

    private string TerritoryId => GrainKeys.IdOf(this.GetPrimaryKeyString());

    public Task Setup(TerritorySetup setup)
    {
        State.Setup = setup;
        MarkDirty();
        return Task.CompletedTask;
    }

    public Task ApplyContributions(AccountContribution[] contributions)
    {
        var changed = false;
        foreach (var contribution in contributions)
        {
            changed |= State.Book.Apply(contribution);
        }

        if (changed && State.Setup is not null)
        {
            CloseCrossedDays();
            MarkDirty();
            SchedulePush();
        }

        return Task.CompletedTask;
    }

    public Task<TerritoryMetrics?> GetMetrics() => Task.FromResult(Metrics());

    /// <summary>Announces the territory's figures once per push interval however many contributions arrive.</summary>
    private void SchedulePush() =>
        pushTimer ??= this.RegisterGrainTimer(
            _ =>
            {
                pushTimer?.Dispose();
                pushTimer = null;
                if (Metrics() is { } current)
                {
                    changes.TerritoryChanged(GrainKeys.WorkspaceOf(this.GetPrimaryKeyString()), current);
                }

                return Task.CompletedTask;
            },
            new GrainTimerCreationOptions { DueTime = metrics.PushInterval, Period = Timeout.InfiniteTimeSpan });

    private TerritoryMetrics? Metrics()
    {
        if (State.Setup is not { } setup)
        {
            return null;
        }

        var book = State.Book;
        var watermark = Watermark(setup);
        var window = book.WindowAt(EventDay.Of(watermark), metrics.Classification);
        var trend = State.Trend.Count <= 60 ? State.Trend.ToArray() : State.Trend.GetRange(State.Trend.Count - 60, 60).ToArray();
        return new TerritoryMetrics(
            TerritoryId, setup.Name, setup.Region, watermark, State.Status, State.StatusReason, State.StatusSince,
            book.DemandHours, Capacity(setup), window.Adherence, window.LeadsWaitingPastTarget, setup.Reps.Length,
            setup.AccountCount, book.CoveredAccounts, book.Totals,
            [.. book.RevenueByProduct.Where(p => p.Value != 0).Select(p => new ProductAmount(p.Key, p.Value))],
            book.RevenuePotential, window.RevenueAtRisk, setup.AnnualQuota, trend);
    }

    public Task<string[]> GetRepIds() => Task.FromResult(State.Setup?.Reps.Select(r => r.RepId).ToArray() ?? []);

    public Task<DateTimeOffset?> GetWatermark() =>
        Task.FromResult(State.Setup is { } setup ? Watermark(setup) : (DateTimeOffset?)null);

    public Task<StatusChange[]> GetStatusHistory() => Task.FromResult(State.History.ToArray());

    /// <summary>
    /// Records the status at the day boundary the watermark has crossed since the last evaluation. Until every account
    /// has reported once the status is provisional and re-evaluated (a partly loaded territory must not fix a status).
    /// </summary>
    private void CloseCrossedDays()
    {
        var setup = State.Setup!;
        var boundaryDay = EventDay.Of(Watermark(setup));
        if (boundaryDay <= State.LastClosedDay && !State.Provisional)
        {
            return;
        }

        Evaluate(setup, boundaryDay, recordChange: !State.Provisional);
        State.LastClosedDay = boundaryDay;
        State.Provisional = State.Book.CoveredAccounts < setup.AccountCount;
    }

    /// <summary>Classifies the territory at the start of <paramref name="day"/>: the window is the days before it.</summary>
    private void Evaluate(TerritorySetup setup, int day, bool recordChange)
    {
        var book = State.Book;
        var window = book.WindowAt(day - 1, metrics.Classification);
        var inputs = new CoverageInputs(Capacity(setup), book.DemandHours, window.Adherence, window.LeadsWaitingPastTarget, setup.Reps.Length);
        var classification = Classifier.Classify(inputs, State.Status, metrics.Classification);
        var at = EventDay.Start(day);
        if (classification.Status != State.Status || State.StatusSince is null)
        {
            if (recordChange && classification.Status != State.Status)
            {
                var change = new StatusChange(TerritoryId, at, State.Status, classification.Status, classification.Reason);
                State.History.Add(change);
                if (State.History.Count > MaxHistory)
                {
                    State.History.RemoveAt(0);
                }

                changes.StatusChanged(GrainKeys.WorkspaceOf(this.GetPrimaryKeyString()), change);
            }

            State.StatusSince = at;
        }

        State.Status = classification.Status;
        State.StatusReason = classification.Reason;
        if (State.Trend.Count > 0 && State.Trend[^1].Day == at)
        {
            State.Trend.RemoveAt(State.Trend.Count - 1);
        }

        State.Trend.Add(new DailyPoint(at, classification.Status, inputs.Coverage, window.Adherence, book.DemandHours,
            inputs.CapacityHours, book.Totals.Revenue, book.Totals.NetProfit, book.Totals.Leads, book.Totals.Opportunities, book.Totals.Wins));
        if (State.Trend.Count > metrics.TrendDays)
        {
            State.Trend.RemoveRange(0, State.Trend.Count - metrics.TrendDays);
        }
    }

    private DateTimeOffset Watermark(TerritorySetup setup) =>
        State.Book.Watermark is { } latest && latest > setup.PlanStart ? latest : setup.PlanStart;

    private static double Capacity(TerritorySetup setup) => setup.Reps.Sum(r => r.CapacityHoursPerWeek);
}
