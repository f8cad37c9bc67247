namespace TerritoryGrid.Grains.Accounts;

[GenerateSerializer, Alias("tg.OpenOpportunity")]
internal sealed class OpenOpportunity
{
    [Id(0)] public DateTimeOffset CreatedAt { get; set; }

    [Id(1)] public string? RepId { get; set; }

    [Id(2)] public double Amount { get; set; }
}
