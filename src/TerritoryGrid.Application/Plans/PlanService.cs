using System.Text.Json;
using Microsoft.Extensions.Options;
using TerritoryGrid.Application.Ingest;
using TerritoryGrid.Contracts.Grains;
using TerritoryGrid.Contracts.Plans;
using TerritoryGrid.Domain.Company;
using TerritoryGrid.Planning.Plans;

namespace TerritoryGrid.Application.Plans;

/// <summary>
/// A workspace's reassignment plans: a draft is checked against the current alignment when written and again when
/// applied (the alignment may have moved on); approval, scheduling and application are recorded steps.
/// </summary>
public sealed class PlanService(IGrainFactory grains, WorkspaceCache workspaces, LiveAlignmentSwitch liveSwitch, IOptions<PlanningOptions> options)
{
    public async Task<PlanOutcome> DraftAsync(string workspace, PlanDocument? document, string author, string? rollbackOf = null)
    {
        var (_, company) = await CurrentAsync(workspace);
        var compiled = PlanCompiler.Compile(document, company, options.Value);
        if (!compiled.IsValid)
        {
            return PlanOutcome.Refused(compiled.Problems);
        }

        var plan = await Book(workspace).Draft(document!.Name!, JsonSerializer.SerializeToUtf8Bytes(document, TerritoryGridJson.Options), author, rollbackOf);
        if (document.EffectiveAt is { } effectiveAt)
        {
            plan = plan with { EffectiveAt = effectiveAt };
        }

        return PlanOutcome.Done(PlanView.Of(plan, compiled.Change));
    }

    /// <summary>A draft from CSV account moves (an edited accounts export works); rows that already hold are skipped.</summary>
    public async Task<PlanOutcome> DraftFromCsvAsync(string workspace, string text, string name, DateTimeOffset? effectiveAt, string author)
    {
        var (_, company) = await CurrentAsync(workspace);
        var (document, problems, _, lines) = PlanCsvReader.Read("moves.csv", text, name, effectiveAt, company);
        if (document is null)
        {
            return PlanOutcome.Refused(problems);
        }

        var outcome = await DraftAsync(workspace, document, author);
        // A refused move is named by its CSV line, not its place in the plan the rows became.
        return outcome with { Problems = [.. outcome.Problems.Select(p => OnLine(p, lines))] };
    }

    private static PlanProblem OnLine(PlanProblem problem, IReadOnlyList<int> lines)
    {
        var match = System.Text.RegularExpressions.Regex.Match(problem.Where, @"^moves\[(\d+)\](?:\.(\w+))?$");
        return match.Success && int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) is var index && index < lines.Count
            ? problem with { Where = $"moves.csv line {lines[index]}" + (match.Groups[2].Success ? $", {match.Groups[2].Value}" : "") }
            : problem;
    }

    public async Task<PlanView?> GetAsync(string workspace, string planId) =>
        await Book(workspace).Get(planId) is { } plan ? PlanView.Of(plan, null) : null;

    public async Task<PlanView[]> ListAsync(string workspace) => [.. (await Book(workspace).List()).Select(p => PlanView.Of(p, null))];

    /// <summary>Checks a stored plan against the current alignment: what it would change now, or why it no longer can.</summary>
    public async Task<PlanOutcome> CheckAsync(string workspace, string planId)
    {
        if (await Book(workspace).Get(planId) is not { } plan)
        {
            return PlanOutcome.Missing(planId);
        }

        var (_, company) = await CurrentAsync(workspace);
        var compiled = PlanCompiler.Compile(Document(plan), company, options.Value);
        return compiled.IsValid ? PlanOutcome.Done(PlanView.Of(plan, compiled.Change)) : PlanOutcome.Refused(compiled.Problems);
    }

    public async Task<PlanOutcome> AdvanceAsync(string workspace, string planId, PlanStatus to, string by, DateTimeOffset? effectiveAt = null)
    {
        var stored = await Book(workspace).Get(planId);
        var transition = await Book(workspace).Advance(planId, to, by, effectiveAt ?? stored?.EffectiveAt ?? (stored is null ? null : Document(stored).EffectiveAt), null);
        return transition.Plan is null ? PlanOutcome.Missing(planId)
            : transition.Refusal is { } refusal ? PlanOutcome.Conflict(refusal)
            : PlanOutcome.Done(PlanView.Of(transition.Plan, null));
    }

    /// <summary>Applies a scheduled plan live, recording the metrics before it with the step.</summary>
    public async Task<PlanOutcome> ApplyAsync(string workspace, string planId, string by, CancellationToken cancellationToken = default)
    {
        var book = Book(workspace);
        if (await book.Get(planId) is not { } plan)
        {
            return PlanOutcome.Missing(planId);
        }

        if (plan.Status != PlanStatus.Scheduled || plan.EffectiveAt is not { } effectiveAt)
        {
            return PlanOutcome.Conflict($"plan '{planId}' is {plan.Status.ToString().ToLowerInvariant()}: only a scheduled plan can be applied");
        }

        if (!await book.Claim(planId, by))
        {
            return PlanOutcome.Conflict($"plan '{planId}' is being applied already");
        }

        try
        {
            return await ApplyClaimedAsync(workspace, plan, effectiveAt, by, cancellationToken);
        }
        finally
        {
            await book.Release(planId);
        }
    }

    private async Task<PlanOutcome> ApplyClaimedAsync(string workspace, PlanRecord plan, DateTimeOffset effectiveAt, string by, CancellationToken cancellationToken)
    {
        var book = Book(workspace);
        var planId = plan.Id;
        var (info, company) = await CurrentAsync(workspace);
        var compiled = PlanCompiler.Compile(Document(plan), company, options.Value);
        if (!compiled.IsValid)
        {
            return PlanOutcome.Refused(compiled.Problems);
        }

        var before = await MetricsBeforeAsync(workspace, info.Generation, company);
        var (result, refusals) = await liveSwitch.ApplyAsync(workspace, info, compiled, planId, effectiveAt, cancellationToken);
        if (result is null)
        {
            return PlanOutcome.Refused([.. refusals.Select(r => new PlanProblem("effectiveAt", r))]);
        }

        workspaces.Forget(workspace);
        var rollback = PlanInverter.Inverse(plan.Name, company, compiled.After!);
        var moves = compiled.Change!.Accounts.Select(m => new AppliedAccountMove(
            m.Before.Id, m.Before.Name, m.Before.TerritoryId, m.Before.OwnerRepId, m.After.TerritoryId, m.After.OwnerRepId)).ToArray();
        var detail = JsonSerializer.Serialize(new AppliedStep(result, before, rollback, moves), TerritoryGridJson.Options);
        var transition = await book.Advance(planId, PlanStatus.Applied, by, effectiveAt, detail);
        return PlanOutcome.Done(PlanView.Of(transition.Plan!, compiled.Change) with { Applied = result });
    }

    /// <summary>
    /// Drafts the plan that undoes an applied one (recorded when it was applied): a new plan, checked against the
    /// alignment as it is now, going through approval like any other.
    /// </summary>
    public async Task<PlanOutcome> RollbackAsync(string workspace, string planId, string by)
    {
        if (await Book(workspace).Get(planId) is not { } plan)
        {
            return PlanOutcome.Missing(planId);
        }

        if (plan.Status != PlanStatus.Applied || plan.Steps[^1].Detail is not { } detail)
        {
            return PlanOutcome.Conflict($"plan '{planId}' is {plan.Status.ToString().ToLowerInvariant()}: only an applied plan can be rolled back");
        }

        var rollback = JsonSerializer.Deserialize<AppliedStep>(detail, TerritoryGridJson.Options)!.Rollback;
        return rollback.Moves is not { Count: > 0 }
            ? PlanOutcome.Conflict($"plan '{planId}' changed nothing: there is nothing to roll back")
            : await DraftAsync(workspace, rollback, by, rollbackOf: planId);
    }

    /// <summary>
    /// The accounts an applied plan moved, from where to where, with its effective time; null and why not when the plan
    /// is missing, not applied, or was applied before its moves were recorded.
    /// </summary>
    public async Task<(AppliedAccountMove[]? Moves, DateTimeOffset EffectiveAt, PlanOutcome? Failure)> AppliedMovesAsync(string workspace, string planId)
    {
        if (await Book(workspace).Get(planId) is not { } plan)
        {
            return (null, default, PlanOutcome.Missing(planId));
        }

        if (plan.Status != PlanStatus.Applied || plan.Steps[^1].Detail is not { } detail)
        {
            return (null, default, PlanOutcome.Conflict($"plan '{planId}' is {plan.Status.ToString().ToLowerInvariant()}: only an applied plan has moves to export"));
        }

        var applied = JsonSerializer.Deserialize<AppliedStep>(detail, TerritoryGridJson.Options)!;
        return applied.Moves is { } moves
            ? (moves, plan.EffectiveAt ?? plan.Steps[^1].At, null)
            : (null, default, PlanOutcome.Conflict($"plan '{planId}' was applied before applications recorded their account moves: see its rollback plan instead"));
    }

    private async Task<TerritoryBefore[]> MetricsBeforeAsync(string workspace, int generation, CompanyDefinition company)
    {
        var metrics = await Task.WhenAll(company.Territories.Select(t =>
            grains.GetGrain<ITerritoryGrain>(GrainKeys.Of(workspace, generation, t.Id)).GetMetrics()));
        return [.. metrics.OfType<Contracts.Metrics.TerritoryMetrics>().Select(m => new TerritoryBefore(
            m.Id, m.Status.ToString(), m.DemandHours, m.CapacityHours, m.AccountCount, m.Totals.Revenue, m.Totals.NetProfit, m.Watermark))];
    }

    internal async Task<(Contracts.Company.WorkspaceInfo Info, CompanyDefinition Company)> CurrentAsync(string workspace)
    {
        var grain = grains.GetGrain<IWorkspaceGrain>(workspace);
        var info = await grain.GetInfo();
        if (!info.HasCompany || await grain.GetDefinition() is not { } definition)
        {
            throw new WorkspaceNotReadyException(workspace);
        }

        return (info, JsonSerializer.Deserialize<CompanyDefinition>(definition, TerritoryGridJson.Options)!);
    }

    private static PlanDocument Document(PlanRecord plan) => JsonSerializer.Deserialize<PlanDocument>(plan.Document, TerritoryGridJson.Options)!;

    private IPlanBookGrain Book(string workspace) => grains.GetGrain<IPlanBookGrain>(workspace);
}

/// <summary>The figures of a territory recorded with a plan's application, before it.</summary>
public sealed record TerritoryBefore(
    string Id, string Status, double DemandHours, double CapacityHours, int Accounts, double Revenue, double NetProfit, DateTimeOffset Watermark);

/// <summary>
/// What an application records: what it did, the territories' figures before it, the plan that undoes it, and each
/// account it moved (null in records written before moves were kept).
/// </summary>
public sealed record AppliedStep(PlanApplyResult Result, TerritoryBefore[] TerritoriesBefore, PlanDocument Rollback, AppliedAccountMove[]? Moves = null);

/// <summary>An account an applied plan moved: its territory and owner before and after.</summary>
public sealed record AppliedAccountMove(
    string AccountId, string AccountName, string FromTerritoryId, string? FromOwnerRepId, string TerritoryId, string? OwnerRepId);
