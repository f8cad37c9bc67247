using TerritoryGrid.Domain.Accounts;
using TerritoryGrid.Domain.Activity;
using TerritoryGrid.Domain.Company;
using TerritoryGrid.Domain.Coverage;

namespace TerritoryGrid.Synthetic.Companies;

/// <summary>
/// Gives each account of a territory an owner: A accounts to outside reps, B and C to inside reps, largest accounts
/// first to the least loaded rep by capacity share, and never the single largest account to a rep still ramping up.
/// </summary>
internal static class AccountAssignment
{
    public static List<AccountDefinition> Assign(IReadOnlyList<AccountDefinition> accounts, IReadOnlyList<RepDefinition> reps, MetricsOptionsView options)
    {
        var load = reps.ToDictionary(r => r.Id, _ => 0.0);
        var capacity = reps.ToDictionary(r => r.Id, r => Workload.CapacityHoursPerWeek(options.SellingHours, r.Availability));
        var assigned = new List<AccountDefinition>(accounts.Count);
        var largestFirst = accounts.OrderByDescending(a => a.AnnualRevenue - a.AnnualCostToServe).ThenBy(a => a.Id, StringComparer.Ordinal).ToList();
        for (var i = 0; i < largestFirst.Count; i++)
        {
            var account = largestFirst[i];
            var role = account.Segment == Segment.A ? RepRole.Outside : RepRole.Inside;
            var candidates = reps.Where(r => r.Role == role && (i > 0 || r.ExperienceYears >= 1)).ToList();
            if (candidates.Count == 0)
            {
                candidates = reps.Where(r => r.Role == role).ToList();
            }

            var owner = candidates.MinBy(r => (load[r.Id] / capacity[r.Id], r.Id))!;
            var demand = Workload.DemandHoursPerWeek(options.Patterns.For(account.Segment!.Value), owner.Home.DistanceKmTo(account.Location), 0, 0, options.Workload);
            load[owner.Id] += demand;
            assigned.Add(account with { OwnerRepId = owner.Id });
        }

        return assigned;
    }
}

/// <summary>The parts of the metrics options that sizing needs.</summary>
public sealed record MetricsOptionsView(CallPatternOptions Patterns, WorkloadOptions Workload)
{
    public double SellingHours => Workload.SellingHoursPerWeek;
}
