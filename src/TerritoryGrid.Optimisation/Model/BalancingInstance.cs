using TerritoryGrid.Domain.Geography;

namespace TerritoryGrid.Optimisation.Model;

/// <summary>
/// A company reduced to what balancing needs, indexed by position: accounts with their starting owner, value and
/// demand model; reps with capacity and limits; the rules as predicates. The heuristic and the exact model in the
/// tests both read it, so they optimise the same objective under the same constraints.
/// </summary>
public sealed class BalancingInstance
{
    public required string[] AccountIds { get; init; }

    public required string[] RepIds { get; init; }

    /// <summary>Territory of each rep (an account moving to a rep moves to this territory).</summary>
    public required string[] RepTerritoryIds { get; init; }

    /// <summary>Index of each account's owner at the start; −1 for an account without one (it stays as it is).</summary>
    public required int[] StartOwner { get; init; }

    /// <summary>Trailing-12-month revenue: what moving the account costs against the disruption budget.</summary>
    public required double[] Value { get; init; }

    /// <summary>Weekly demand hours that do not depend on who owns the account (touch time, funnel).</summary>
    public required double[] BaseHours { get; init; }

    /// <summary>In-person touches per week: each is a round trip from the owner's home.</summary>
    public required double[] VisitsPerWeek { get; init; }

    /// <summary>False for an account that must keep its owner (strong relationship, no owner, or an owner without capacity).</summary>
    public required bool[] Movable { get; init; }

    public required GeoPoint[] AccountLocation { get; init; }

    public required GeoPoint[] RepHome { get; init; }

    /// <summary>
    /// Reps of one group may take each other's accounts: same role (outside reps own A accounts) and, when regions
    /// are kept, same region.
    /// </summary>
    public required int[] RepGroup { get; init; }

    public required double[] Capacity { get; init; }

    /// <summary>Most demand hours each rep may hold after the plan: the utilisation cap, or their starting load when above it.</summary>
    public required double[] LoadLimit { get; init; }

    /// <summary>Least demand hours each rep may be left with by giving accounts away: the floor, or their starting load when below it.</summary>
    public required double[] LoadFloor { get; init; }

    /// <summary>Most accounts a rep may own; 0: no limit.</summary>
    public required int MaxAccountsPerRep { get; init; }

    public required double TravelSpeedKmPerHour { get; init; }

    /// <summary>The company's starting demand ÷ capacity: the utilisation every rep is steered towards.</summary>
    public required double TargetUtilisation { get; init; }

    /// <summary>Most account value that may move.</summary>
    public required double Budget { get; init; }

    /// <summary>Most accounts that may change owner (int.MaxValue: no limit).</summary>
    public required int MaxAccountsMoved { get; init; }

    public required double CompactnessWeight { get; init; }

    public int AccountCount => AccountIds.Length;

    public int RepCount => RepIds.Length;

    /// <summary>Reps with capacity: the ones whose utilisation is balanced (a rep without capacity has no utilisation).</summary>
    public int BalancedRepCount => Capacity.Count(c => c > 0);

    /// <summary>Accounts with an owner: the ones whose travel counts in compactness.</summary>
    public int OwnedAccountCount => StartOwner.Count(o => o >= 0);

    public double DistanceKm(int account, int rep) => RepHome[rep].DistanceKmTo(AccountLocation[account]);

    /// <summary>Whether rep <paramref name="rep"/> may own the account: its starting owner, or a rep of the owner's group with capacity.</summary>
    public bool MayOwn(int account, int rep)
    {
        var owner = StartOwner[account];
        return rep == owner || (owner >= 0 && Movable[account] && Capacity[rep] > 0 && RepGroup[rep] == RepGroup[owner]);
    }

    public double TravelHours(int account, int rep) => DistanceKm(account, rep) / TravelSpeedKmPerHour;

    /// <summary>Weekly demand hours of the account when rep <paramref name="rep"/> owns it (DOMAIN.md: visits add travel there and back).</summary>
    public double Demand(int account, int rep) => BaseHours[account] + VisitsPerWeek[account] * 2 * TravelHours(account, rep);
}
