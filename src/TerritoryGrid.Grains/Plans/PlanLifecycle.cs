using TerritoryGrid.Contracts.Plans;

namespace TerritoryGrid.Grains.Plans;

/// <summary>The order of a plan's steps and who may take them.</summary>
internal static class PlanLifecycle
{
    public static string? Refusal(PlanRecord plan, PlanStatus to, string by, DateTimeOffset? effectiveAt) => (plan.Status, to) switch
    {
        (PlanStatus.Draft, PlanStatus.Approved) when by == plan.Author =>
            $"plan '{plan.Id}' was written by '{plan.Author}': it must be approved by someone else",
        (PlanStatus.Draft, PlanStatus.Approved) => null,
        (PlanStatus.Approved, PlanStatus.Scheduled) when effectiveAt is null => "scheduling needs an effective time (effectiveAt)",
        (PlanStatus.Approved, PlanStatus.Scheduled) when !Domain.Company.EffectiveTime.IsStartOfDay(effectiveAt.Value) =>
            $"effectiveAt {effectiveAt:O} must be the start of a day (00:00 UTC): a plan takes effect from a whole day",
        (PlanStatus.Approved, PlanStatus.Scheduled) => null,
        (PlanStatus.Scheduled, PlanStatus.Applied) => null,
        _ => $"plan '{plan.Id}' is {Describe(plan.Status)}: it cannot be {Describe(to)} now" + Next(plan.Status),
    };

    private static string Describe(PlanStatus status) => status switch
    {
        PlanStatus.Draft => "a draft",
        PlanStatus.Approved => "approved",
        PlanStatus.Scheduled => "scheduled",
        _ => "applied",
    };

    private static string Next(PlanStatus status) => status switch
    {
        PlanStatus.Draft => " (next: approve)",
        PlanStatus.Approved => " (next: schedule)",
        PlanStatus.Scheduled => " (next: apply)",
        _ => " (roll it back with a new plan)",
    };
}
