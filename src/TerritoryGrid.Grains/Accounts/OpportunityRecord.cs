namespace TerritoryGrid.Grains.Accounts;

/// <summary>An opportunity, open or recently closed (kept until it leaves the retained window, for as-of figures).</summary>
[GenerateSerializer, Alias("tg.OpportunityRecord")]
internal sealed class OpportunityRecord
{
    [Id(0)] public DateTimeOffset CreatedAt { get; set; }

    [Id(1)] public string? RepId { get; set; }

    [Id(2)] public double Amount { get; set; }

    [Id(3)] public DateTimeOffset? ClosedAt { get; set; }

    public bool IsOpen => ClosedAt is null;
}
