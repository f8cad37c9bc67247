using System.Text.Json;
using TerritoryGrid.Contracts.Plans;
using TerritoryGrid.Planning.Plans;

namespace TerritoryGrid.Application.Plans;

/// <summary>A plan as the API shows it: its record, its document, and (when just checked) what it changes.</summary>
public sealed record PlanView(
    string Id,
    string Name,
    string Status,
    string Author,
    DateTimeOffset? EffectiveAt,
    string? RollbackOf,
    PlanDocument Document,
    PlanStepView[] Steps,
    PlanImpact? Impact,
    PlanApplyResult? Applied = null)
{
    public static PlanView Of(PlanRecord plan, AlignmentChange? change) => new(
        plan.Id, plan.Name, plan.Status.ToString().ToLowerInvariant(), plan.Author, plan.EffectiveAt, plan.RollbackOf,
        JsonSerializer.Deserialize<PlanDocument>(plan.Document, TerritoryGridJson.Options)!,
        [.. plan.Steps.Select(s => new PlanStepView(s.Status.ToString().ToLowerInvariant(), s.By, s.At,
            s.Detail is null ? null : s.Detail.StartsWith('{') ? JsonDocument.Parse(s.Detail).RootElement.Clone() : JsonSerializer.SerializeToElement(s.Detail)))],
        change is null ? null : PlanImpact.Of(change));
}

public sealed record PlanStepView(string Status, string By, DateTimeOffset At, JsonElement? Detail);

/// <summary>What a plan changes against the alignment it was checked with: the disruption it causes.</summary>
public sealed record PlanImpact(
    int AccountsMoved, double AccountValueMoved, int RepsMoved, int RepsAdded, int RepsRemoved, int TerritoriesAdded, int TerritoriesRemoved)
{
    public static PlanImpact Of(AlignmentChange change) => new(
        change.Accounts.Count, change.AccountValueMoved, change.Reps.Count, change.AddedReps.Count, change.RemovedReps.Count,
        change.AddedTerritories.Count, change.RemovedTerritories.Count);
}
