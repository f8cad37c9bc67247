namespace TerritoryGrid.Contracts.Activity;

/// <summary>
/// One activity on an account, at its occurrence (event) time. <see cref="ReferenceId"/> links a lead to the
/// opportunity it became and to its win or loss; <see cref="Amount"/> is revenue (order), value (opportunity,
/// win) or cost (cost event); <see cref="Cost"/> is an order's cost; <see cref="Score"/> an NPS answer;
/// <see cref="Quantity"/> the units an order sold (priced from the catalogue when it gives no amount).
/// </summary>
[GenerateSerializer, Immutable, Alias("tg.ActivityEvent")]
public sealed record ActivityEvent(
    [property: Id(0)] string Id,
    [property: Id(1)] ActivityKind Kind,
    [property: Id(2)] DateTimeOffset OccurredAt,
    [property: Id(3)] string AccountId,
    [property: Id(4)] string? RepId = null,
    [property: Id(5)] double Amount = 0,
    [property: Id(6)] double Cost = 0,
    [property: Id(7)] double DurationMinutes = 0,
    [property: Id(8)] double TravelMinutes = 0,
    [property: Id(9)] string? ReferenceId = null,
    [property: Id(10)] string? Product = null,
    [property: Id(11)] int? Score = null,
    [property: Id(12)] double? Quantity = null);
