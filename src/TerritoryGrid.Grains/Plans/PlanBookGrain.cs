using TerritoryGrid.Contracts.Grains;
using TerritoryGrid.Contracts.Plans;
using TerritoryGrid.Grains.Persistence;

namespace TerritoryGrid.Grains.Plans;

internal sealed class PlanBookGrain(
    [PersistentState("plans", StorageNames.Grains)] IPersistentState<PlanBookState> persisted,
    TimeProvider clock)
    : TransferableGrain<PlanBookState>, IPlanBookGrain
{
    protected override IPersistentState<PlanBookState> Persisted => persisted;

    /// <summary>A claim is forgotten after this long: its holder died or hung.</summary>
    private static readonly TimeSpan ClaimLifetime = TimeSpan.FromMinutes(15);

    /// <summary>Applications under way, in memory: a claim is short-lived and a deactivated book has none running.</summary>
    private readonly Dictionary<string, DateTimeOffset> claims = new(StringComparer.Ordinal);

    private PlanBookState State => persisted.State;

    public async Task<PlanRecord> Draft(string name, byte[] document, string author, string? rollbackOf)
    {
        State.LastNumber++;
        var id = $"plan-{State.LastNumber}";
        var plan = new PlanRecord(id, name, PlanStatus.Draft, author, document, null,
            [new PlanStep(PlanStatus.Draft, author, clock.GetUtcNow(), rollbackOf is null ? null : $"rollback of {rollbackOf}")], rollbackOf);
        State.Plans[id] = plan;
        await persisted.WriteStateAsync();
        return plan;
    }

    public Task<PlanRecord?> Get(string planId) => Task.FromResult(State.Plans.GetValueOrDefault(planId));

    public Task<PlanRecord[]> List() => Task.FromResult(State.Plans.Values.OrderBy(p => p.Steps[0].At).ThenBy(p => p.Id, StringComparer.Ordinal).ToArray());

    public Task<bool> Claim(string planId, string by)
    {
        var now = clock.GetUtcNow();
        if (State.Plans.GetValueOrDefault(planId)?.Status != PlanStatus.Scheduled ||
            (claims.TryGetValue(planId, out var claimed) && now - claimed < ClaimLifetime))
        {
            return Task.FromResult(false);
        }

        claims[planId] = now;
        return Task.FromResult(true);
    }

    public Task Release(string planId)
    {
        claims.Remove(planId);
        return Task.CompletedTask;
    }

    public async Task<PlanTransition> Advance(string planId, PlanStatus to, string by, DateTimeOffset? effectiveAt, string? detail)
    {
        if (!State.Plans.TryGetValue(planId, out var plan))
        {
            return new PlanTransition(null, $"unknown plan '{planId}'");
        }

        var refusal = PlanLifecycle.Refusal(plan, to, by, effectiveAt);
        if (refusal is not null)
        {
            return new PlanTransition(plan, refusal);
        }

        var step = new PlanStep(to, by, clock.GetUtcNow(), detail);
        plan = plan with { Status = to, EffectiveAt = effectiveAt ?? plan.EffectiveAt, Steps = [.. plan.Steps, step] };
        State.Plans[planId] = plan;
        claims.Remove(planId);
        await persisted.WriteStateAsync();
        return new PlanTransition(plan, null);
    }
}
