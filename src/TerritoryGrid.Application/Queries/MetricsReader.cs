using TerritoryGrid.Application.Commercial;
using TerritoryGrid.Application.Ingest;
using TerritoryGrid.Contracts.Company;
using TerritoryGrid.Contracts.Grains;
using TerritoryGrid.Contracts.Metrics;
using TerritoryGrid.Domain.Balance;
using TerritoryGrid.Domain.Coverage;

namespace TerritoryGrid.Application.Queries;

/// <summary>Reads live metrics of a workspace's current company generation.</summary>
public sealed class MetricsReader(IGrainFactory grains, Commercial.CommercialTermsCache commercial)
{
    public async Task<WorkspaceInfo> WorkspaceAsync(string workspace)
    {
        var info = await grains.GetGrain<IWorkspaceGrain>(workspace).GetInfo();
        return info.HasCompany ? info : throw new WorkspaceNotReadyException(workspace);
    }

    /// <summary>The currency every amount of the workspace is in.</summary>
    public async Task<string> CurrencyAsync(string workspace) => (await commercial.GetAsync(workspace)).Currency;

    public async Task<IReadOnlyList<TerritoryMetrics>> TerritoriesAsync(
        string workspace, ServiceStatus? status = null, TerritorySort sort = TerritorySort.Name, bool descending = false)
    {
        var info = await WorkspaceAsync(workspace);
        var all = await Task.WhenAll(info.TerritoryIds.Select(id =>
            grains.GetGrain<ITerritoryGrain>(GrainKeys.Of(workspace, info.Generation, id)).GetMetrics()));
        var terms = await commercial.GetAsync(workspace);
        return TerritoryOrder.Apply(all.OfType<TerritoryMetrics>().Select(t => FiscalFigures.With(t, terms)), status, sort, descending);
    }

    public async Task<TerritoryDetail?> TerritoryAsync(string workspace, string territoryId)
    {
        var info = await WorkspaceAsync(workspace);
        var grain = grains.GetGrain<ITerritoryGrain>(GrainKeys.Of(workspace, info.Generation, territoryId));
        if (await grain.GetMetrics() is not { } territory)
        {
            return null;
        }

        var repIds = await RepIdsOfAsync(workspace, info, territoryId);
        var reps = await Task.WhenAll(repIds.Select(id => grains.GetGrain<IRepGrain>(GrainKeys.Of(workspace, info.Generation, id)).GetMetrics(territory.Watermark)));
        var terms = await commercial.GetAsync(workspace);
        return new TerritoryDetail(
            workspace, FiscalFigures.With(territory, terms), reps.OfType<RepMetrics>().Select(r => FiscalFigures.With(r, terms)).ToList(),
            await grain.GetStatusHistory(), info.AlignmentVersion, terms.Currency);
    }

    public async Task<RepDetail?> RepAsync(string workspace, string repId)
    {
        var info = await WorkspaceAsync(workspace);
        var repGrain = grains.GetGrain<IRepGrain>(GrainKeys.Of(workspace, info.Generation, repId));
        if (await repGrain.GetMetrics() is not { } own)
        {
            return null;
        }

        var asOf = await TerritoryWatermarkAsync(workspace, info, own.TerritoryId);
        var rep = await repGrain.GetMetrics(asOf) ?? own;
        var accounts = await Task.WhenAll(rep.OwnedAccountIds.Select(id =>
            grains.GetGrain<IAccountGrain>(GrainKeys.Of(workspace, info.Generation, id)).GetMetrics(asOf)));
        var terms = await commercial.GetAsync(workspace);
        return new RepDetail(workspace, FiscalFigures.With(rep, terms), accounts.OfType<AccountMetrics>().ToList(), info.AlignmentVersion, terms.Currency);
    }

    public async Task<AccountMetrics?> AccountAsync(string workspace, string accountId)
    {
        var info = await WorkspaceAsync(workspace);
        var grain = grains.GetGrain<IAccountGrain>(GrainKeys.Of(workspace, info.Generation, accountId));
        if (await grain.GetMetrics(null) is not { } account)
        {
            return null;
        }

        // Windows are read at the territory's watermark, the same instant the territory's adherence is computed at.
        var asOf = await TerritoryWatermarkAsync(workspace, info, account.TerritoryId);
        return asOf is null || asOf == account.AsOf ? account : await grain.GetMetrics(asOf);
    }

    public async Task<CompanyBalance> BalanceAsync(string workspace)
    {
        var info = await WorkspaceAsync(workspace);
        var territories = await TerritoriesAsync(workspace);
        var reps = await RepsAsync(workspace, info, territories);
        var capacity = territories.Sum(t => t.CapacityHours);
        var demand = territories.Sum(t => t.DemandHours);
        return new CompanyBalance(
            workspace,
            territories.Count,
            reps.Count,
            capacity,
            demand,
            demand > 0 ? Workload.CoverageRatio(capacity, demand) : null,
            BalanceFigures.Of(reps.Select(r => r.WorkloadHours).ToList()),
            BalanceFigures.Of(reps.Select(r => r.RevenuePotential).ToList()),
            Enum.GetValues<ServiceStatus>().ToDictionary(s => s.ToString(), s => territories.Count(t => t.Status == s)),
            territories.Count == 0 ? null : territories.Max(t => t.Watermark),
            [.. reps.Select(r => Math.Round(r.WorkloadHours, 2))],
            [.. reps.Select(r => Math.Round(r.RevenuePotential))],
            reps.Sum(r => r.Totals.Events));
    }

    /// <summary>Every rep of the company, each as of its territory's watermark (the instant its territory's figures hold).</summary>
    /// <remarks><paramref name="territories"/>: the workspace's territories as just read (their watermarks), or null to read them.</remarks>
    public async Task<IReadOnlyList<RepMetrics>> RepsAsync(string workspace, IReadOnlyList<TerritoryMetrics>? territories = null) =>
        await RepsAsync(workspace, await WorkspaceAsync(workspace), territories ?? await TerritoriesAsync(workspace));

    private async Task<List<RepMetrics>> RepsAsync(string workspace, WorkspaceInfo info, IReadOnlyList<TerritoryMetrics> territories)
    {
        var watermarks = territories.ToDictionary(t => t.Id, t => t.Watermark);
        var terms = await commercial.GetAsync(workspace);
        return (await Task.WhenAll(info.RepIds.Select(async id =>
        {
            var rep = grains.GetGrain<IRepGrain>(GrainKeys.Of(workspace, info.Generation, id));
            var own = await rep.GetMetrics();
            return own is not null && watermarks.TryGetValue(own.TerritoryId, out var at) ? await rep.GetMetrics(at) : own;
        }))).OfType<RepMetrics>().Select(r => FiscalFigures.With(r, terms)).ToList();
    }

    private Task<string[]> RepIdsOfAsync(string workspace, WorkspaceInfo info, string territoryId) =>
        grains.GetGrain<ITerritoryGrain>(GrainKeys.Of(workspace, info.Generation, territoryId)).GetRepIds();

    private Task<DateTimeOffset?> TerritoryWatermarkAsync(string workspace, WorkspaceInfo info, string territoryId) =>
        grains.GetGrain<ITerritoryGrain>(GrainKeys.Of(workspace, info.Generation, territoryId)).GetWatermark();
}
