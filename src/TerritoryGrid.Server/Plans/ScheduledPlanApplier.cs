using Microsoft.Extensions.Options;
using TerritoryGrid.Application.Plans;
using TerritoryGrid.Contracts.Grains;
using TerritoryGrid.Contracts.Plans;
using TerritoryGrid.Planning.Plans;

namespace TerritoryGrid.Server.Plans;

/// <summary>
/// Applies every scheduled plan when its effective time is within <see cref="PlanningOptions.ApplyLead"/>: a plan
/// must switch before any account has activity at or after that time. Every silo looks; the plan book lets only one
/// application of a plan run (an admin may also apply it earlier by hand).
/// </summary>
internal sealed partial class ScheduledPlanApplier(
    IGrainFactory grains, PlanService plans, IOptions<PlanningOptions> options, TimeProvider clock, ILogger<ScheduledPlanApplier> logger)
    : BackgroundService
{
    public const string Scheduler = "scheduler";

    /// <summary>Plans whose refusal was logged: a due plan is tried on every look, its refusal logged once.</summary>
    private readonly HashSet<string> reported = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SchedulerInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await ApplyDueAsync(stoppingToken);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                LogFailed(logger, error);
            }
        }
    }

    private async Task ApplyDueAsync(CancellationToken cancellationToken)
    {
        var due = clock.GetUtcNow() + options.Value.ApplyLead;
        foreach (var workspace in await grains.GetGrain<IWorkspaceDirectoryGrain>(0).List())
        {
            foreach (var plan in await grains.GetGrain<IPlanBookGrain>(workspace).List())
            {
                if (plan.Status == PlanStatus.Scheduled && plan.EffectiveAt <= due)
                {
                    var outcome = await plans.ApplyAsync(workspace, plan.Id, Scheduler, cancellationToken);
                    if (outcome.Plan is null && outcome.ConflictReason is null && reported.Add($"{workspace}/{plan.Id}"))
                    {
                        LogRefused(logger, plan.Id, workspace, string.Join("; ", outcome.Problems.Take(5)));
                    }
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Scheduled plan {Plan} of workspace {Workspace} could not be applied: {Problems}")]
    private static partial void LogRefused(ILogger logger, string plan, string workspace, string problems);

    [LoggerMessage(Level = LogLevel.Error, Message = "Applying scheduled plans failed")]
    private static partial void LogFailed(ILogger logger, Exception error);
}
