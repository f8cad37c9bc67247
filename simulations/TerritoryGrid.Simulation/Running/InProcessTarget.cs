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

/// <summary>
/// A target in this process, used through the same services as the server's API: batch mode's own silo (which it
/// stops when done), or the server's own cluster (a stress test started through the API).
/// </summary>
public sealed class InProcessTarget(IServiceProvider services, string workspace, IHost? ownedHost = null) : ISimulationTarget
{
    private readonly CompanyLoader loader = services.GetRequiredService<CompanyLoader>();
    private readonly ActivityIngestor ingestor = services.GetRequiredService<ActivityIngestor>();
    private readonly MetricsReader reader = services.GetRequiredService<MetricsReader>();

    public string Workspace => workspace;

    internal static async Task<InProcessTarget> StartAsync(string workspace, TimeSpan allowedFuture)
    {
        var host = await SimulationHost.StartAsync(allowedFuture);
        return new(host.Services, workspace, host);
    }

    public async Task LoadAsync(CompanyDefinition company, CancellationToken cancellationToken)
    {
        var loaded = await loader.LoadAsync(workspace, company, cancellationToken);
        if (!loaded.Succeeded)
        {
            throw new InvalidOperationException($"The generated company is invalid: {string.Join("; ", loaded.Errors.Take(5))}");
        }
    }

    /// <summary>The company of another workspace of this cluster; none in batch mode's new, empty silo.</summary>
    public async Task<CompanyDefinition?> ReadCompanyAsync(string workspace, CancellationToken cancellationToken) =>
        await services.GetRequiredService<IGrainFactory>().GetGrain<Contracts.Grains.IWorkspaceGrain>(workspace).GetDefinition() is { } definition
            ? System.Text.Json.JsonSerializer.Deserialize<CompanyDefinition>(definition, Application.TerritoryGridJson.Options)
            : null;

    public async Task ApplyRosterAsync(IReadOnlyList<RosterChangeInput> changes, CancellationToken cancellationToken)
    {
        var result = await services.GetRequiredService<RosterService>().ApplyAsync(workspace, changes);
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

    /// <summary>A silo's services drain every silo's roll-ups; a client's (no roll-ups of its own) leave them to their flushes.</summary>
    public Task DeliverRollupsAsync(CancellationToken cancellationToken) =>
        services.GetService<Contracts.Rollups.IRollupDrain>()?.DrainWithRepsAsync() ?? Task.CompletedTask;

    public Task<IReadOnlyList<TerritoryMetrics>> TerritoriesAsync(CancellationToken cancellationToken) => reader.TerritoriesAsync(workspace);

    public Task<CompanyBalance> BalanceAsync(CancellationToken cancellationToken) => reader.BalanceAsync(workspace);

    public async ValueTask DisposeAsync()
    {
        if (ownedHost is null)
        {
            return;
        }

        await ownedHost.StopAsync();
        ownedHost.Dispose();
    }
}
