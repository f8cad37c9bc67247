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
}
