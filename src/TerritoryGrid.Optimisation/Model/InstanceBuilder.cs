using TerritoryGrid.Domain;
using TerritoryGrid.Domain.Accounts;
using TerritoryGrid.Domain.Activity;
using TerritoryGrid.Domain.Company;
using TerritoryGrid.Domain.Coverage;
using TerritoryGrid.Optimisation.Proposals;

namespace TerritoryGrid.Optimisation.Model;

/// <summary>Builds a <see cref="BalancingInstance"/> from a company, its demand and the proposal rules.</summary>
public static class InstanceBuilder
{
    public static BalancingInstance Build(
        CompanyDefinition company,
        ProposalOptions options,
        MetricsOptions metrics,
        IReadOnlyDictionary<string, double>? demandHoursPerWeek = null,
        IReadOnlyDictionary<string, double>? relationshipStrength = null)
    {
        var reps = company.Reps;
        var accounts = company.Accounts;
        var repIndex = reps.Select((r, i) => (r.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        var regionOf = company.Territories.ToDictionary(t => t.Id, t => t.Region, StringComparer.Ordinal);
        var segments = SegmentsOf(accounts, metrics);
        var speed = metrics.Workload.TravelSpeedKmPerHour;

        var capacity = reps.Select(r => Workload.CapacityHoursPerWeek(r.SellingHoursPerWeek ?? metrics.Workload.SellingHoursPerWeek, r.Availability)).ToArray();
        var owner = new int[accounts.Count];
        var baseHours = new double[accounts.Count];
        var visits = new double[accounts.Count];
        var movable = new bool[accounts.Count];
        for (var a = 0; a < accounts.Count; a++)
        {
            var account = accounts[a];
            owner[a] = account.OwnerRepId is { } id && repIndex.TryGetValue(id, out var r) ? r : -1;
            var pattern = metrics.CallPatterns.For(segments[a]);
            visits[a] = pattern.MinimumChannel == Channel.Visit ? pattern.TouchesPer4Weeks / 4.0 : 0;
            var travel = owner[a] >= 0 ? visits[a] * 2 * reps[owner[a]].Home.DistanceKmTo(account.Location) / speed : 0;
            // Given demand is the owner's: what is left after their travel stays with the account whoever owns it.
            baseHours[a] = demandHoursPerWeek is not null && demandHoursPerWeek.TryGetValue(account.Id, out var given)
                ? Math.Max(0, given - travel)
                : Workload.DemandHoursPerWeek(pattern, 0, 0, 0, metrics.Workload);
            var strong = relationshipStrength is not null && relationshipStrength.TryGetValue(account.Id, out var strength) &&
                         strength >= options.StrongRelationshipAt;
            movable[a] = owner[a] >= 0 && capacity[owner[a]] > 0 && !(strong && !options.MayMoveStrongRelationships);
        }

        var load = new double[reps.Count];
        for (var a = 0; a < accounts.Count; a++)
        {
            if (owner[a] >= 0)
            {
                load[owner[a]] += baseHours[a] + visits[a] * 2 * reps[owner[a]].Home.DistanceKmTo(accounts[a].Location) / speed;
            }
        }

        var totalCapacity = capacity.Sum();
        var balancedLoad = Enumerable.Range(0, reps.Count).Where(r => capacity[r] > 0).Sum(r => load[r]);
        var target = totalCapacity > 0 ? balancedLoad / totalCapacity : 0;
        return new BalancingInstance
        {
            AccountIds = [.. accounts.Select(a => a.Id)],
            RepIds = [.. reps.Select(r => r.Id)],
            RepTerritoryIds = [.. reps.Select(r => r.TerritoryId)],
            StartOwner = owner,
            Value = [.. accounts.Select(a => a.AnnualRevenue)],
            BaseHours = baseHours,
            VisitsPerWeek = visits,
            Movable = movable,
            AccountLocation = [.. accounts.Select(a => a.Location)],
            RepHome = [.. reps.Select(r => r.Home)],
            RepGroup = GroupsOf(reps, options.KeepRegions ? r => regionOf.GetValueOrDefault(r.TerritoryId) : _ => null),
            Capacity = capacity,
            LoadLimit = [.. capacity.Select((c, r) => Math.Max(c * options.MaxUtilisation, load[r]))],
            LoadFloor = [.. capacity.Select((c, r) => Math.Min(c * target * Math.Max(0, options.MinShareOfTarget), load[r]))],
            MaxAccountsPerRep = Math.Max(0, options.MaxAccountsPerRep ?? 0),
            TravelSpeedKmPerHour = speed,
            TargetUtilisation = target,
            Budget = Math.Max(0, options.DisruptionBudget) * accounts.Sum(a => a.AnnualRevenue),
            MaxAccountsMoved = options.MaxShareOfAccountsMoved is { } share
                ? (int)Math.Floor(Math.Clamp(share, 0, 1) * accounts.Count + 1e-9)
                : int.MaxValue,
            CompactnessWeight = Math.Max(0, options.CompactnessWeight),
        };
    }

    private static int[] GroupsOf(IReadOnlyList<RepDefinition> reps, Func<RepDefinition, string?> region)
    {
        var groups = new Dictionary<(RepRole, string?), int>();
        return [.. reps.Select(r => groups.TryGetValue((r.Role, region(r)), out var g) ? g : groups[(r.Role, region(r))] = groups.Count)];
    }

    /// <summary>Each account's segment: its own, else derived from net profit as the company loader does.</summary>
    private static Segment[] SegmentsOf(IReadOnlyList<AccountDefinition> accounts, MetricsOptions metrics)
    {
        if (accounts.All(a => a.Segment is not null))
        {
            return [.. accounts.Select(a => a.Segment!.Value)];
        }

        var derived = Segmenter.Assign(accounts, a => a.Id, a => a.AnnualRevenue - a.AnnualCostToServe, metrics.Segmentation);
        return [.. accounts.Select(a => a.Segment ?? derived[a.Id])];
    }
}
