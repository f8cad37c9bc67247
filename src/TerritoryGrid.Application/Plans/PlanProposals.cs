using Microsoft.Extensions.Options;
using TerritoryGrid.Contracts.Grains;
using TerritoryGrid.Contracts.Metrics;
using TerritoryGrid.Domain;
using TerritoryGrid.Optimisation.Proposals;
using TerritoryGrid.Planning.Plans;

namespace TerritoryGrid.Application.Plans;

/// <summary>
/// Asks the optimiser for a rebalancing plan of a workspace, from the live figures: each account's demand hours now
/// and the touches its owner made on it (the relationship a move would break); a proposal with moves is stored as a
/// draft of the caller's, to be checked, stress-tested and approved like any plan. One proposal at a time: the search
/// uses every core while it runs.
/// </summary>
public sealed class PlanProposals(IGrainFactory grains, PlanService plans, IOptions<PlanningOptions> rules, IOptions<MetricsOptions> metrics)
{
    private readonly SemaphoreSlim oneAtATime = new(1, 1);

    public async Task<(PlanProposal? Proposal, PlanOutcome? Draft, string? Busy)> ProposeAsync(
        string workspace, ProposalRequest request, string author, CancellationToken cancellationToken)
    {
        if (!await oneAtATime.WaitAsync(TimeSpan.Zero, cancellationToken))
        {
            return (null, null, "a proposal is being computed already: try again when it is done");
        }

        try
        {
            var (info, company) = await plans.CurrentAsync(workspace);
            var live = new System.Collections.Concurrent.ConcurrentDictionary<string, AccountMetrics>(StringComparer.Ordinal);
            await Parallel.ForEachAsync(company.Accounts, new ParallelOptions { MaxDegreeOfParallelism = 256, CancellationToken = cancellationToken },
                async (account, _) =>
                {
                    if (await grains.GetGrain<IAccountGrain>(GrainKeys.Of(workspace, info.Generation, account.Id)).GetMetrics(null) is { } figures)
                    {
                        live[account.Id] = figures;
                    }
                });

            var defaults = new ProposalOptions();
            var options = defaults with
            {
                PlanName = request.Name ?? defaults.PlanName,
                DisruptionBudget = request.DisruptionBudget ?? defaults.DisruptionBudget,
                MaxShareOfAccountsMoved = request.MaxShareOfAccountsMoved ?? defaults.MaxShareOfAccountsMoved,
                MaxUtilisation = request.MaxUtilisation ?? defaults.MaxUtilisation,
                CompactnessWeight = request.CompactnessWeight ?? defaults.CompactnessWeight,
                StrongRelationshipAt = request.StrongRelationshipAt ?? defaults.StrongRelationshipAt,
                MayMoveStrongRelationships = request.MayMoveStrongRelationships ?? defaults.MayMoveStrongRelationships,
                KeepRegions = rules.Value.KeepRegions,
                MaxAccountsPerRep = rules.Value.MaxAccountsPerRep > 0 ? rules.Value.MaxAccountsPerRep : null,
            };
            var proposal = await Task.Run(() => PlanProposer.Propose(company, options, metrics.Value,
                live.ToDictionary(a => a.Key, a => a.Value.DemandHoursPerWeek, StringComparer.Ordinal),
                live.ToDictionary(a => a.Key, a => (double)a.Value.OwnerTouches, StringComparer.Ordinal)), cancellationToken);
            if (proposal.Plan.Moves is not { Count: > 0 })
            {
                return (proposal, null, null);
            }

            var document = proposal.Plan with { EffectiveAt = request.EffectiveAt, Description = $"Proposed by the optimiser: imbalance objective {proposal.Before.Objective:0.###} → {proposal.After.Objective:0.###}" };
            return (proposal, await plans.DraftAsync(workspace, document, author), null);
        }
        finally
        {
            oneAtATime.Release();
        }
    }
}
