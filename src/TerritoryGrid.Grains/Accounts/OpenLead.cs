namespace TerritoryGrid.Grains.Accounts;

[GenerateSerializer, Alias("tg.OpenLead")]
internal sealed class OpenLead
{
    [Id(0)] public DateTimeOffset CreatedAt { get; set; }

    [Id(1)] public string? RepId { get; set; }

    [Id(2)] public bool Touched { get; set; }
}
