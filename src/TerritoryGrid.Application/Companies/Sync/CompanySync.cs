using System.Text.Json;
using Microsoft.Extensions.Options;
using TerritoryGrid.Application.Ingest;
using TerritoryGrid.Application.Plans;
using TerritoryGrid.Contracts.Company;
using TerritoryGrid.Contracts.Grains;
using TerritoryGrid.Domain;
using TerritoryGrid.Domain.Company;
using TerritoryGrid.Planning.Plans;

namespace TerritoryGrid.Application.Companies.Sync;

/// <summary>
/// Re-imports a newer CRM export into a running workspace, applying only what changed and keeping the company's
/// generation, live figures and history. The export is validated whole and diffed first (<see cref="CompanyDiff"/>);
/// nothing is applied when it is invalid, when nothing changed, or on a dry run. Otherwise the alignment changes (reps
/// joining, moving and leaving, accounts reassigned) go through the same effective-dated live switch as a plan, so no
/// event is lost and activity before the effective time stays where it happened; the rest (new, closed, orphaned and
/// updated accounts, updated reps and territories) is applied while every moving account is committed and before the
/// workspace switches to the new definition.
/// </summary>
public sealed class CompanySync(
    IGrainFactory grains, WorkspaceCache workspaces, LiveAlignmentSwitch liveSwitch, IOptions<MetricsOptions> options)
{
    public async Task<CompanySyncResult> SyncAsync(string workspace, CompanyDefinition incoming, SyncRequest request, CancellationToken cancellationToken = default)
    {
        var workspaceGrain = grains.GetGrain<IWorkspaceGrain>(workspace);
        var info = await workspaceGrain.GetInfo();
        if (!info.HasCompany || await workspaceGrain.GetDefinition() is not { } json)
        {
            throw new WorkspaceNotReadyException(workspace);
        }

        var current = JsonSerializer.Deserialize<CompanyDefinition>(json, TerritoryGridJson.Options)!;
        var effectiveAt = request.EffectiveAt ?? await FirstMidnightAfterLatestEventAsync(workspace, info, current, incoming);
        if (!EffectiveTime.IsStartOfDay(effectiveAt))
        {
            return CompanySyncResult.Invalid(workspace, effectiveAt, [new ValidationError("sync", workspace, "effectiveAt",
                $"{effectiveAt:O} must be the start of a day (00:00 UTC): changes of alignment take effect from a whole day")]);
        }

        if (request.RampWeeks is < 0 or > PlanCompiler.MaxRampWeeks)
        {
            return CompanySyncResult.Invalid(workspace, effectiveAt, [new ValidationError("sync", workspace, "rampWeeks",
                $"must be between 0 and {PlanCompiler.MaxRampWeeks}")]);
        }

        if (CompanyValidator.Validate(incoming) is { Count: > 0 } errors)
        {
            return CompanySyncResult.Invalid(workspace, effectiveAt, errors);
        }

        var diff = CompanyDiff.Compute(current, incoming, effectiveAt, options.Value.Segmentation, request.Name);
        if (request.DryRun || diff.IsEmpty)
        {
            return CompanySyncResult.Of(workspace, request.DryRun, effectiveAt, info.AlignmentVersion, diff);
        }

        var compiled = Compile(current, diff, request.RampWeeks ?? PlanCompiler.DefaultRampWeeks);
        var syncId = $"sync-{info.AlignmentVersion + 1}-{Guid.NewGuid():N}";
        var changes = new SyncApplication(grains, liveSwitch, options.Value, workspace, info, current, diff, effectiveAt);
        var (result, refusals) = await liveSwitch.ApplyAsync(workspace, info, compiled, syncId, effectiveAt, cancellationToken, changes.ApplyAsync);
        if (result is null)
        {
            return CompanySyncResult.Refused(workspace, effectiveAt, diff, refusals);
        }

        workspaces.Forget(workspace);
        return CompanySyncResult.Of(workspace, false, effectiveAt, result.AlignmentVersion, diff);
    }

    /// <summary>
    /// The alignment part of the sync as a plan's compilation: the company after it, and the change from the current one
    /// to it. Closed accounts are still in the company the change is computed against (they do not move; they close).
    /// </summary>
    private static PlanCompilation Compile(CompanyDefinition current, CompanyDiff diff, int rampWeeks)
    {
        var closed = diff.IdsOf(SyncChangeKinds.AccountClosed).ToHashSet(StringComparer.Ordinal);
        var withClosed = diff.After with { Accounts = [.. diff.After.Accounts, .. current.Accounts.Where(a => closed.Contains(a.Id))] };
        var ramps = diff.IdsOf(SyncChangeKinds.RepJoined).ToDictionary(id => id, _ => rampWeeks, StringComparer.Ordinal);
        return new PlanCompilation(diff.After, AlignmentChange.Between(current, withClosed, ramps), []);
    }

    /// <summary>
    /// The start of the day after the workspace's latest event: a change effective then leaves every day before it as it
    /// was, and finds no moving account with activity after it, as a plan's move needs. Territories' watermarks give the
    /// workspace's latest event as their roll-ups have it; the accounts that move are asked their own, which is exact
    /// (a roll-up still on its way must not make the move refused).
    /// </summary>
    private async Task<DateTimeOffset> FirstMidnightAfterLatestEventAsync(
        string workspace, WorkspaceInfo info, CompanyDefinition current, CompanyDefinition incoming)
    {
        string Key(string id) => GrainKeys.Of(workspace, info.Generation, id);
        var territories = await Task.WhenAll(current.Territories.Select(t => grains.GetGrain<ITerritoryGrain>(Key(t.Id)).GetWatermark()));
        var incomingAccounts = incoming.Accounts.ToDictionary(a => a.Id, StringComparer.Ordinal);
        var moving = current.Accounts.Where(a => incomingAccounts.TryGetValue(a.Id, out var next)
            && (next.TerritoryId != a.TerritoryId || next.OwnerRepId != a.OwnerRepId));
        var accounts = await Task.WhenAll(moving.Select(a => grains.GetGrain<IAccountGrain>(Key(a.Id)).GetMetrics(null)));
        var latest = territories.OfType<DateTimeOffset>().Concat(accounts.OfType<Contracts.Metrics.AccountMetrics>().Select(m => m.AsOf))
            .DefaultIfEmpty(info.PlanStart ?? DateTimeOffset.UtcNow).Max();
        return new DateTimeOffset(latest.UtcDateTime.Date.AddDays(1), TimeSpan.Zero);
    }
}
