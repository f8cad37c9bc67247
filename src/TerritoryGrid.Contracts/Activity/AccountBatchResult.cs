namespace TerritoryGrid.Contracts.Activity;

/// <summary>The outcome of each event of a batch, in the order sent; a reason for every outcome that is not an acceptance.</summary>
[GenerateSerializer, Immutable, Alias("tg.AccountBatchResult")]
public sealed record AccountBatchResult(
    [property: Id(0)] ApplyOutcome[] Outcomes,
    [property: Id(1)] string?[]? Reasons);
