using TerritoryGrid.Contracts.Plans;

namespace TerritoryGrid.Grains.Plans;

[GenerateSerializer, Alias("tg.PlanBookState")]
internal sealed class PlanBookState
{
    [Id(0)] public int LastNumber { get; set; }

    [Id(1)] public Dictionary<string, PlanRecord> Plans { get; set; } = new(StringComparer.Ordinal);
}
