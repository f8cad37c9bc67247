namespace TerritoryGrid.Contracts.Plans;

/// <summary>
/// A stored plan: its document (UTF-8 JSON, as the author wrote it), its status, and every step of its life with who
/// took it, when and what it recorded (an application records the metrics before it).
/// </summary>
[GenerateSerializer, Immutable, Alias("tg.PlanRecord")]
public sealed record PlanRecord(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] PlanStatus Status,
    [property: Id(3)] string Author,
    [property: Id(4)] byte[] Document,
    [property: Id(5)] DateTimeOffset? EffectiveAt,
    [property: Id(6)] PlanStep[] Steps,
    [property: Id(7)] string? RollbackOf = null);

[GenerateSerializer, Immutable, Alias("tg.PlanStep")]
public sealed record PlanStep(
    [property: Id(0)] PlanStatus Status,
    [property: Id(1)] string By,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] string? Detail);

/// <summary>The plan after a lifecycle step, or why the step was refused.</summary>
[GenerateSerializer, Immutable, Alias("tg.PlanTransition")]
public sealed record PlanTransition(
    [property: Id(0)] PlanRecord? Plan,
    [property: Id(1)] string? Refusal);
