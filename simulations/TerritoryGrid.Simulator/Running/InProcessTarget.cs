using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TerritoryGrid.Application.Companies;
using TerritoryGrid.Application.Ingest;
using TerritoryGrid.Application.Queries;
using TerritoryGrid.Application.Roster;
using TerritoryGrid.Contracts.Activity;
using TerritoryGrid.Contracts.Metrics;
using TerritoryGrid.Domain.Company;

namespace TerritoryGrid.Simulator.Running;

/// <summary>Batch mode's target: a silo in this process, used through the same services as the server's API.</summary>
internal sealed class InProcessTarget(IHost host, string workspace) : ISimulationTarget
{
    private readonly CompanyLoader loader = host.Services.GetRequiredService<CompanyLoader>();
    private readonly ActivityIngestor ingestor = host.Services.GetRequiredService<ActivityIngestor>();
    private readonly MetricsReader reader = host.Services.GetRequiredService<MetricsReader>();

    public string Workspace => workspace;

    public static async Task<InProcessTarget> StartAsync(string workspace, TimeSpan allowedFuture) =>
        new(await SimulationHost.StartAsync(allowedFuture), workspace);

    public async Task LoadAsync(CompanyDefinition company, CancellationToken cancellationToken)
    {
        var loaded = await loader.LoadAsync(workspace, company, cancellationToken);
        if (!loaded.Succeeded)
        {
            throw new InvalidOperationException($"The generated company is invalid: {string.Join("; ", loaded.Errors.Take(5))}");
        }
    }

    /// <summary>Batch mode's silo is new and empty: there is no other workspace to read a company from.</summary>
    public Task<CompanyDefinition?> ReadCompanyAsync(string workspace, CancellationToken cancellationToken) =>
        Task.FromResult<CompanyDefinition?>(null);

    public async Task ApplyRosterAsync(IReadOnlyList<RosterChangeInput> changes, CancellationToken cancellationToken)
    {
        var result = await host.Services.GetRequiredService<RosterService>().ApplyAsync(workspace, changes);
        if (result.Rejected.Count > 0)
        {
            throw new InvalidOperationException($"Roster changes refused: {string.Join("; ", result.Rejected.Select(r => $"#{r.Index} {r.Reason}"))}");
        }
    }

    public async Task<(long Accepted, IReadOnlySet<int> Refused)> IngestAsync(IReadOnlyList<ActivityEvent> events, CancellationToken cancellationToken)
    {
        var result = await ingestor.IngestAsync(workspace, events);
        return (result.Accepted, result.Rejected.Select(r => r.Index).ToHashSet());
    }

    public Task<IReadOnlyList<TerritoryMetrics>> TerritoriesAsync(CancellationToken cancellationToken) => reader.TerritoriesAsync(workspace);

    public Task<CompanyBalance> BalanceAsync(CancellationToken cancellationToken) => reader.BalanceAsync(workspace);

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }
}
