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
using TerritoryGrid.Grains.Persistence;

namespace TerritoryGrid.Grains.Reps;

/// <summary>
/// One rep: workload and adherence of the accounts the rep owns, and the activity the rep did on any account
/// (team selling and overlays count for the rep who did the work).
/// </summary>
internal sealed class RepGrain(
    [PersistentState("rep", StorageNames.Grains)] IPersistentState<RepState> persisted,
    IOptions<MetricsOptions> options,
    IActivityLog log)
    : CheckpointedGrain<RepState>(persisted, log.IsDurable ? options.Value.CheckpointDelay : null), IRepGrain
{
    private readonly MetricsOptions metrics = options.Value;

    /// <summary>Without a durable log the state lives in process memory (in-memory storage).</summary>
    protected override bool StateOutlivesTheProcess => log.IsDurable;

    public Task Setup(RepSetup setup)
    {
        State.Setup = setup;
        MarkDirty();
        return CheckpointNowAsync();
    }

    public Task ApplyContributions(AccountContribution[] contributions)
    {
        if (State.Book.ApplyAll(contributions).Changed)
        {
            MarkDirty();
        }

        return Task.CompletedTask;
    }

    public Task ApplyAvailability(AvailabilityChange[] changes)
    {
        State.Availability.Add(changes);
        MarkDirty();
        return CheckpointNowAsync();
    }

    public Task<RepMetrics?> GetMetrics(DateTimeOffset? asOf = null)
    {
        if (State.Setup is not { } setup)
        {
            return Task.FromResult<RepMetrics?>(null);
        }

        var book = State.Book;
        var own = book.Watermark is { } latest && latest > setup.PlanStart ? latest : setup.PlanStart;
        var watermark = asOf is { } at && at > own ? at : own;
        var window = book.At(watermark, EventDay.Of(watermark), metrics);
        var availability = State.Availability.At(watermark, setup.Availability);
        var capacity = Workload.CapacityHoursPerWeek(setup.SellingHoursPerWeek, availability);
        var owned = book.ByAccount.Where(c => c.Value.Coverage is { IsCurrent: true }).Select(c => c.Key).Order(StringComparer.Ordinal);
        return Task.FromResult<RepMetrics?>(new RepMetrics(
            GrainKeys.IdOf(this.GetPrimaryKeyString()), setup.Name, setup.TerritoryId, setup.Role, capacity, availability,
            book.CoveredAccounts, book.DemandHours, book.RevenuePotential, book.AnnualRevenue, window.Adherence, book.Totals,
            setup.AnnualQuota, watermark, [.. owned], setup.SellingHoursPerWeek, book.Months()));
    }
}
