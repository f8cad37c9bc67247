using TerritoryGrid.Contracts.Rollups;

namespace TerritoryGrid.Grains.Accounts;

/// <summary>
/// A period in event time [<see cref="From"/>, <see cref="Until"/>) during which the account belonged to another
/// territory or owner, with the activity credited to them: an event that happened in the period counts there, even
/// when it arrives after the account moved.
/// </summary>
[GenerateSerializer, Alias("tg.FormerAssignment")]
internal sealed class FormerAssignment
{
    [Id(0)] public string TerritoryId { get; set; } = "";

    [Id(1)] public string? OwnerRepId { get; set; }

    /// <summary>Null: since the plan start.</summary>
    [Id(2)] public DateTimeOffset? From { get; set; }

    [Id(3)] public DateTimeOffset Until { get; set; }

    [Id(4)] public ActivityTotals Credited;

    [Id(5)] public Dictionary<string, double> RevenueByProduct { get; set; } = new(StringComparer.Ordinal);

    public bool Holds(DateTimeOffset at) => (From is null || at >= From) && at < Until;
}
