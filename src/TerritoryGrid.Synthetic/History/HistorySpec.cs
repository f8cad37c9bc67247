namespace TerritoryGrid.Synthetic.History;

/// <summary>
/// Activity to generate between <see cref="From"/> and <see cref="To"/>. <see cref="DemandMultiplier"/> scales the
/// arrival of leads and orders (a season or shock); reps still deliver touches only up to their capacity.
/// </summary>
public sealed record HistorySpec(DateTimeOffset From, DateTimeOffset To, int Seed = 7)
{
    /// <summary>Leads per account per day, on average, before the industry factor.</summary>
    public double LeadsPerAccountPerDay { get; init; } = Catalogue.LeadsPerAccountPerDay;

    public double DemandMultiplier { get; init; } = 1.0;

    /// <summary>
    /// A season: the demand multiplier of an account at an instant (industry and regional curves, shocks). When set
    /// it replaces <see cref="DemandMultiplier"/>; reps' delivery then follows each territory's demand week by week.
    /// </summary>
    public Func<Domain.Company.AccountDefinition, DateTimeOffset, double>? DemandMultiplierAt { get; init; }

    /// <summary>
    /// A territory's weekly capacity hours at an instant (leave, attrition, hires); null keeps the company's reps as
    /// they are. Reps deliver their territory's call plan up to this capacity.
    /// </summary>
    public Func<string, DateTimeOffset, double>? CapacityAt { get; init; }

    public double MultiplierAt(Domain.Company.AccountDefinition account, DateTimeOffset at) =>
        DemandMultiplierAt?.Invoke(account, at) ?? DemandMultiplier;
}
