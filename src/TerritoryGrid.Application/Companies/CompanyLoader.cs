using System.Text.Json;
using Microsoft.Extensions.Options;
using TerritoryGrid.Application.Ingest;
using TerritoryGrid.Contracts.Company;
using TerritoryGrid.Contracts.Grains;
using TerritoryGrid.Contracts.Roster;
using TerritoryGrid.Domain;
using TerritoryGrid.Domain.Accounts;
using TerritoryGrid.Domain.Company;
using TerritoryGrid.Domain.Coverage;

namespace TerritoryGrid.Application.Companies;

/// <summary>
/// Creates or replaces a workspace's company: validates it whole, derives missing segments, sets up every grain of
/// a new generation, then switches the workspace to it. Readers see the old company until the switch.
/// </summary>
public sealed class CompanyLoader(IGrainFactory grains, WorkspaceCache workspaces, IOptions<MetricsOptions> options, TimeProvider clock)
{
    private const int ParallelSetups = 512;
    private static readonly TimeSpan RollupWait = TimeSpan.FromSeconds(30);

    public async Task<CompanyLoadResult> LoadAsync(string workspace, CompanyDefinition? company, CancellationToken cancellationToken = default)
    {
        if (!WorkspaceName.IsValid(workspace))
        {
            return Failed(new ValidationError("workspace", workspace, "name", $"must be {WorkspaceName.Rule}"));
        }

        var errors = CompanyValidator.Validate(company);
        if (errors.Count > 0)
        {
            return new CompanyLoadResult(errors, null, null);
        }

        var resolved = WithSegments(company!);
        var planStart = resolved.PlanStart ?? clock.GetUtcNow();
        resolved = resolved with { PlanStart = planStart };
        var workspaceGrain = grains.GetGrain<IWorkspaceGrain>(workspace);
        var generation = await workspaceGrain.BeginLoad();
        await SetUpGrainsAsync(workspace, generation, resolved, planStart, cancellationToken);

        var manifest = new CompanyManifest(
            resolved.Name,
            [.. resolved.Territories.Select(t => t.Id)],
            [.. resolved.Reps.Select(r => r.Id)],
            resolved.Accounts.Count,
            planStart,
            JsonSerializer.SerializeToUtf8Bytes(resolved, TerritoryGridJson.Options));
        await WaitForRollupsAsync(workspace, generation, resolved, cancellationToken);
        if (resolved.FiscalYearStartMonth is not null || resolved.Currency is not null)
        {
            // Before the switch, so the new company is never read in the old currency (each process re-reads terms within a second).
            await grains.GetGrain<ICommercialTermsGrain>(workspace).SetCalendar(
                resolved.FiscalYearStartMonth, Domain.Commercial.CurrencyCode.Parse(resolved.Currency).Code);
        }

        var info = await workspaceGrain.CommitLoad(generation, manifest);
        workspaces.Forget(workspace);
        await grains.GetGrain<IWorkspaceDirectoryGrain>(0).Register(workspace);
        var bySegment = resolved.Accounts
            .GroupBy(a => a.Segment!.Value)
            .OrderBy(g => g.Key)
            .ToDictionary(g => g.Key.ToString(), g => g.Count());
        return new CompanyLoadResult([], info, bySegment);
    }

    /// <summary>
    /// Waits (bounded) until every territory has heard from all its accounts, and every rep from the accounts it owns,
    /// so that a read right after a load sees the whole company's demand and capacity rather than the first roll-up.
    /// </summary>
    private async Task WaitForRollupsAsync(string workspace, int generation, CompanyDefinition company, CancellationToken cancellationToken)
    {
        var deadline = clock.GetUtcNow() + RollupWait;
        var territories = company.Territories
            .Select(t => grains.GetGrain<ITerritoryGrain>(GrainKeys.Of(workspace, generation, t.Id)))
            .ToList();
        while (territories.Count > 0 && clock.GetUtcNow() < deadline)
        {
            var metrics = await Task.WhenAll(territories.Select(t => t.GetMetrics()));
            territories = [.. territories.Where((_, i) => metrics[i] is not { } m || m.AccountsReporting < m.AccountCount)];
            if (territories.Count > 0)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(25), clock, cancellationToken);
            }
        }

        // Reps are rolled up less often than territories: wait until each holds the accounts it owns too.
        var owned = company.Accounts.Where(a => a.OwnerRepId is not null).CountBy(a => a.OwnerRepId!).ToDictionary();
        var reps = owned.Select(o => (Grain: grains.GetGrain<IRepGrain>(GrainKeys.Of(workspace, generation, o.Key)), Owned: o.Value)).ToList();
        while (reps.Count > 0 && clock.GetUtcNow() < deadline)
        {
            var metrics = await Task.WhenAll(reps.Select(r => r.Grain.GetMetrics()));
            reps = [.. reps.Where((r, i) => metrics[i] is not { } m || m.AccountsOwned < r.Owned)];
            if (reps.Count > 0)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50), clock, cancellationToken);
            }
        }
    }

    private static CompanyLoadResult Failed(ValidationError error) => new([error], null, null);

    private CompanyDefinition WithSegments(CompanyDefinition company)
    {
        if (company.Accounts.All(a => a.Segment is not null))
        {
            return company;
        }

        var derived = Segmenter.Assign(company.Accounts, a => a.Id, a => a.AnnualRevenue - a.AnnualCostToServe, options.Value.Segmentation);
        return company with { Accounts = [.. company.Accounts.Select(a => a.Segment is null ? a with { Segment = derived[a.Id] } : a)] };
    }

    /// <summary>Reps who start after the plan start (or were still ramping up at it) have their availability and their territory's capacity follow their start.</summary>
    private async Task ApplyStartDatesAsync(CompanyDefinition company, DateTimeOffset planStart, Func<string, string> key)
    {
        var hours = options.Value.Workload.SellingHoursPerWeek;
        foreach (var rep in company.Reps)
        {
            var changes = RepStart.Changes(rep, planStart, Roster.RosterService.DefaultRampWeeks);
            if (changes.Length == 0)
            {
                continue;
            }

            await grains.GetGrain<IRepGrain>(key(rep.Id)).ApplyAvailability(changes);
            await grains.GetGrain<ITerritoryGrain>(key(rep.TerritoryId)).ApplyCapacityChanges([.. changes.Select(c =>
                new CapacityChange(rep.Id, rep.Name, c.EffectiveAt, Workload.CapacityHoursPerWeek(rep.SellingHoursPerWeek ?? hours, c.Availability)))]);
        }
    }

    private async Task SetUpGrainsAsync(
        string workspace, int generation, CompanyDefinition company, DateTimeOffset planStart, CancellationToken cancellationToken)
    {
        var workload = options.Value.Workload;
        var reps = company.Reps.ToDictionary(r => r.Id, StringComparer.Ordinal);
        var accountsPerTerritory = company.Accounts.GroupBy(a => a.TerritoryId).ToDictionary(g => g.Key, g => g.Select(a => a.Id).ToArray());
        var accountsPerRep = company.Accounts.Where(a => a.OwnerRepId is not null).CountBy(a => a.OwnerRepId!).ToDictionary();
        string Key(string id) => GrainKeys.Of(workspace, generation, id);
        double Capacity(RepDefinition rep) => Workload.CapacityHoursPerWeek(rep.SellingHoursPerWeek ?? workload.SellingHoursPerWeek, rep.Availability);

        await Parallel.ForEachAsync(company.Territories, cancellationToken, async (territory, _) =>
        {
            var territoryReps = company.Reps.Where(r => r.TerritoryId == territory.Id)
                .Select(r => new RepCapacity(r.Id, r.Name, Capacity(r))).ToArray();
            await grains.GetGrain<ITerritoryGrain>(Key(territory.Id)).Setup(new TerritorySetup(
                territory.Name, territory.Region, territory.AnnualQuota ?? 0, territoryReps,
                accountsPerTerritory.GetValueOrDefault(territory.Id)?.Length ?? 0, planStart,
                accountsPerTerritory.GetValueOrDefault(territory.Id) ?? []));
        });

        var parallel = new ParallelOptions { MaxDegreeOfParallelism = ParallelSetups, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(company.Reps, parallel, async (rep, _) =>
            await grains.GetGrain<IRepGrain>(Key(rep.Id)).Setup(new RepSetup(
                rep.Name, rep.TerritoryId, rep.Role, rep.Home.Latitude, rep.Home.Longitude,
                rep.SellingHoursPerWeek ?? workload.SellingHoursPerWeek, rep.Availability, rep.ExperienceYears,
                rep.AnnualQuota ?? 0, accountsPerRep.GetValueOrDefault(rep.Id), planStart)));
        await ApplyStartDatesAsync(company, planStart, Key);

        await Parallel.ForEachAsync(company.Accounts, parallel, async (account, _) =>
        {
            // An account with no owner has no travel base: its visits are costed as if local until it is assigned.
            var travelKm = account.OwnerRepId is { } owner ? reps[owner].Home.DistanceKmTo(account.Location) : 0;
            await grains.GetGrain<IAccountGrain>(Key(account.Id)).Setup(new AccountSetup(
                account.Name, account.TerritoryId, account.OwnerRepId, account.Segment!.Value, account.Stage, account.Industry,
                account.City, account.Location.Latitude, account.Location.Longitude, travelKm, account.AnnualRevenue,
                account.AnnualCostToServe,
                account.RevenuePotential ?? options.Value.Segmentation.EstimatePotential(account.Segment.Value, account.AnnualRevenue),
                planStart));
            // A copied or restored definition keeps its orphaned accounts orphaned.
            if (account.OrphanedSince is { } since)
            {
                await grains.GetGrain<IAccountGrain>(Key(account.Id)).MarkOrphaned(since);
            }
        });
    }
}
