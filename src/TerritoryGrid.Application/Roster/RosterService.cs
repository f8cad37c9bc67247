using Microsoft.Extensions.Options;
using TerritoryGrid.Application.Ingest;
using TerritoryGrid.Contracts.Company;
using TerritoryGrid.Contracts.Grains;
using TerritoryGrid.Contracts.Metrics;
using TerritoryGrid.Contracts.Roster;
using TerritoryGrid.Domain;
using TerritoryGrid.Domain.Company;
using TerritoryGrid.Domain.Coverage;

namespace TerritoryGrid.Application.Roster;

/// <summary>
/// Applies roster changes in event time: a rep's availability from a date on (leave, return, departure, ramp-up of a
/// new hire), and the territory's capacity with it, so the territory's status history uses the capacity in force each
/// day; a departure also orphans the rep's accounts. Valid changes apply even when others are refused.
/// </summary>
public sealed class RosterService(IGrainFactory grains, IOptions<MetricsOptions> options)
{
    public const int DefaultRampWeeks = 12;

    public async Task<RosterResult> ApplyAsync(string workspace, IReadOnlyList<RosterChangeInput?> changes)
    {
        var workspaceGrain = grains.GetGrain<IWorkspaceGrain>(workspace);
        var info = await workspaceGrain.GetInfo();
        if (!info.HasCompany)
        {
            throw new WorkspaceNotReadyException(workspace);
        }

        var applied = 0;
        var rejected = new List<RosterRefusal>();
        for (var i = 0; i < changes.Count; i++)
        {
            var change = changes[i];
            var reason = change is null ? "a roster change object is required" : await ApplyAsync(workspace, info, change);
            if (reason is null)
            {
                applied++;
            }
            else
            {
                rejected.Add(new RosterRefusal(i, change?.RepId, reason));
            }
        }

        return new RosterResult(workspace, applied, rejected);
    }

    private async Task<string?> ApplyAsync(string workspace, WorkspaceInfo info, RosterChangeInput change)
    {
        if (string.IsNullOrWhiteSpace(change.RepId))
        {
            return "repId is required";
        }

        var rep = grains.GetGrain<IRepGrain>(GrainKeys.Of(workspace, info.Generation, change.RepId));
        var current = await rep.GetMetrics();
        switch (change.Kind?.ToLowerInvariant())
        {
            case "hire" when current is not null:
                return $"rep '{change.RepId}' already exists";
            case "hire":
                return await HireAsync(workspace, info, change, rep);
            case null or "" or "leave" or "departure" or "availability" when current is null:
                return $"unknown rep '{change.RepId}' in workspace '{workspace}'";
            case "leave":
                if (change.Until is { } until && until <= change.EffectiveAt)
                {
                    return "until must be after effectiveAt";
                }

                return await ChangeAsync(workspace, info, current!, change.Until is { } back
                    ? [new(change.RepId, change.EffectiveAt, 0), new(change.RepId, back, current!.Availability)]
                    : [new(change.RepId, change.EffectiveAt, 0)]);
            case "departure":
                return await ChangeAsync(workspace, info, current!, [new(change.RepId, change.EffectiveAt, 0)])
                    ?? await OrphanAccountsAsync(workspace, info, change.RepId, change.EffectiveAt);
            case "availability" when change.Availability is not { } availability || !double.IsFinite(availability) || availability is < 0 or > 1:
                return "availability is required and must be between 0 and 1";
            case "availability":
                return await ChangeAsync(workspace, info, current!, [new(change.RepId, change.EffectiveAt, change.Availability!.Value)]);
            default:
                return $"kind '{change.Kind}' is not one of leave, departure, availability, hire";
        }
    }

    private async Task<string?> ChangeAsync(string workspace, WorkspaceInfo info, RepMetrics rep, AvailabilityChange[] availability)
    {
        await grains.GetGrain<IRepGrain>(GrainKeys.Of(workspace, info.Generation, rep.Id)).ApplyAvailability(availability);
        await grains.GetGrain<ITerritoryGrain>(GrainKeys.Of(workspace, info.Generation, rep.TerritoryId)).ApplyCapacityChanges(
            [.. availability.Select(a => new CapacityChange(rep.Id, rep.Name, a.EffectiveAt, Workload.CapacityHoursPerWeek(rep.SellingHoursPerWeek, a.Availability)))]);
        return null;
    }

    /// <summary>
    /// A departing rep's accounts are orphaned from the departure until a plan (or a CRM sync) gives them a new owner:
    /// flagged in the company's definition and in each account, whose territory then counts it under-served.
    /// </summary>
    private async Task<string?> OrphanAccountsAsync(string workspace, WorkspaceInfo info, string repId, DateTimeOffset at)
    {
        var workspaceGrain = grains.GetGrain<IWorkspaceGrain>(workspace);
        if (await workspaceGrain.GetDefinition() is not { } json)
        {
            return null;
        }

        var company = System.Text.Json.JsonSerializer.Deserialize<CompanyDefinition>(json, TerritoryGridJson.Options)!;
        string[] owned = [.. company.Accounts.Where(a => a.OwnerRepId == repId).Select(a => a.Id)];
        await workspaceGrain.MarkOrphaned(owned, at);
        await Parallel.ForEachAsync(owned, async (accountId, _) =>
            await grains.GetGrain<IAccountGrain>(GrainKeys.Of(workspace, info.Generation, accountId)).MarkOrphaned(at));
        return null;
    }

    private async Task<string?> HireAsync(string workspace, WorkspaceInfo info, RosterChangeInput hire, IRepGrain rep)
    {
        if (hire.TerritoryId is null || !info.TerritoryIds.Contains(hire.TerritoryId))
        {
            return $"territoryId '{hire.TerritoryId}' is not a territory of workspace '{workspace}'";
        }

        if (string.IsNullOrWhiteSpace(hire.Name) || hire.Home is not { IsValid: true } home)
        {
            return "a hire needs a name and a valid home (latitude, longitude)";
        }

        var weeks = hire.RampWeeks ?? DefaultRampWeeks;
        if (weeks is < 0 or > 104)
        {
            return "rampWeeks must be between 0 and 104";
        }

        var hours = hire.SellingHoursPerWeek ?? options.Value.Workload.SellingHoursPerWeek;
        await rep.Setup(new RepSetup(hire.Name, hire.TerritoryId, hire.Role ?? RepRole.Inside, home.Latitude, home.Longitude, hours,
            Availability: 0, ExperienceYears: 0, AnnualQuota: 0, OwnedAccounts: 0, info.PlanStart ?? hire.EffectiveAt));
        AvailabilityChange[] ramp = [.. Plans.RampUp.Steps(hire.RepId, hire.EffectiveAt, weeks)];
        // The company's definition names the hire too, so plans can move accounts to them and exports list them.
        var definition = new RepDefinition(hire.RepId, hire.Name, hire.TerritoryId, hire.Role ?? RepRole.Inside, home, hours);
        await grains.GetGrain<IWorkspaceGrain>(workspace).AddRepDefinitions([System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(definition, TerritoryGridJson.Options)]);
        var hired = await rep.GetMetrics();
        return await ChangeAsync(workspace, info, hired! with { SellingHoursPerWeek = hours }, ramp);
    }
}
