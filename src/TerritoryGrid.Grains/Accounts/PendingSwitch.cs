using TerritoryGrid.Contracts.Rollups;

namespace TerritoryGrid.Grains.Accounts;

/// <summary>
/// A prepared move of the account, effective at <see cref="EffectiveAt"/> in event time: while it waits for its commit,
/// what events at or after that time add is kept aside too, so the commit can credit them to the new assignment
/// exactly, whatever arrived in between.
/// </summary>
[GenerateSerializer, Alias("tg.PendingSwitch")]
internal sealed class PendingSwitch
{
    [Id(0)] public string PlanId { get; set; } = "";

    [Id(1)] public DateTimeOffset EffectiveAt { get; set; }

    [Id(2)] public ActivityTotals After;

    [Id(3)] public Dictionary<string, double> RevenueByProductAfter { get; set; } = new(StringComparer.Ordinal);
}
