namespace TerritoryGrid.Grains.Accounts;

/// <summary>A lead, open or recently closed (kept until it leaves the retained window, for as-of figures).</summary>
[GenerateSerializer, Alias("tg.LeadRecord")]
internal sealed class LeadRecord
{
    [Id(0)] public DateTimeOffset CreatedAt { get; set; }

    [Id(1)] public string? RepId { get; set; }

    /// <summary>The first touch of the account at or after the lead was created.</summary>
    [Id(2)] public DateTimeOffset? FirstTouchAt { get; set; }

    /// <summary>When it was qualified into an opportunity.</summary>
    [Id(3)] public DateTimeOffset? ClosedAt { get; set; }

    public bool IsOpen => ClosedAt is null;
}
