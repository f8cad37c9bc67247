using TerritoryGrid.Application.Queries;
using TerritoryGrid.Application.Roster;
using TerritoryGrid.Contracts.Activity;
using TerritoryGrid.Contracts.Metrics;
using TerritoryGrid.Domain.Company;

namespace TerritoryGrid.Simulator.Running;

/// <summary>Where a simulation runs: its own silo (batch mode) or a running TerritoryGrid over HTTP (live mode).</summary>
public interface ISimulationTarget : IAsyncDisposable
{
    string Workspace { get; }

    Task LoadAsync(CompanyDefinition company, CancellationToken cancellationToken);

    /// <summary>The company loaded in another workspace of the target, or null where the target has none (batch mode).</summary>
    Task<CompanyDefinition?> ReadCompanyAsync(string workspace, CancellationToken cancellationToken);

    /// <summary>Applies effective-dated roster changes (leave, departure, hires); throws if any is refused.</summary>
    Task ApplyRosterAsync(IReadOnlyList<RosterChangeInput> changes, CancellationToken cancellationToken);

    /// <summary>Ingests events; returns how many were accepted and the indexes of those refused.</summary>
    Task<(long Accepted, IReadOnlySet<int> Refused)> IngestAsync(IReadOnlyList<ActivityEvent> events, CancellationToken cancellationToken);

    /// <summary>
    /// Delivers the roll-ups still coalescing to territories and reps now, where the target can (in process); elsewhere
    /// returns at once and the runner waits for the next flushes.
    /// </summary>
    Task DeliverRollupsAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<TerritoryMetrics>> TerritoriesAsync(CancellationToken cancellationToken);

    Task<CompanyBalance> BalanceAsync(CancellationToken cancellationToken);
}
