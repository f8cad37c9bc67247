using System.Globalization;
using TerritoryGrid.Domain;
using TerritoryGrid.Domain.Company;
using TerritoryGrid.Optimisation.Model;
using TerritoryGrid.Optimisation.Search;
using TerritoryGrid.Planning.Plans;

namespace TerritoryGrid.Optimisation.Proposals;

/// <summary>
/// Proposes a reassignment plan that balances rep utilisation (demand ÷ capacity) with compactness as a secondary
/// term, within a disruption budget, the utilisation cap, the region rule and kept relationships.
/// </summary>
public static class PlanProposer
{
    /// <summary>
    /// The entry point. <paramref name="demandHoursPerWeek"/> is each account's live weekly demand with its current
    /// owner (from the metrics); without it, demand is the call pattern of the account's segment plus travel.
    /// <paramref name="relationshipStrength"/> is e.g. each account's touches with its current owner; accounts at or
    /// above <see cref="ProposalOptions.StrongRelationshipAt"/> keep their owner. Deterministic for the same inputs.
    /// </summary>
    public static PlanProposal Propose(
        CompanyDefinition company,
        ProposalOptions? options = null,
        MetricsOptions? metrics = null,
        IReadOnlyDictionary<string, double>? demandHoursPerWeek = null,
        IReadOnlyDictionary<string, double>? relationshipStrength = null)
    {
        ArgumentNullException.ThrowIfNull(company);
        options ??= new ProposalOptions();
        var instance = InstanceBuilder.Build(company, options, metrics ?? new MetricsOptions(), demandHoursPerWeek, relationshipStrength);
        var before = Objective.Evaluate(instance, instance.StartOwner);
        var owner = BalancingSearch.Run(instance, options);
        var after = Objective.Evaluate(instance, owner);
        if (after.Objective >= before.Objective)
        {
            // Nothing within the rules improves on the starting alignment (moves that only trade rounding noise are not worth a plan).
            owner = instance.StartOwner;
            after = before;
        }

        var moves = Enumerable.Range(0, instance.AccountCount)
            .Where(a => owner[a] != instance.StartOwner[a])
            .Select(a => new PlanMove(PlanMoveKinds.MoveAccount, AccountId: instance.AccountIds[a],
                ToRepId: instance.RepIds[owner[a]], ToTerritoryId: instance.RepTerritoryIds[owner[a]]))
            .ToList<PlanMove?>();
        var valueMoved = Objective.ValueMoved(instance, owner);
        var plan = new PlanDocument(options.PlanName, moves, Describe(before, after, moves.Count, valueMoved, instance.Budget));
        return new PlanProposal(plan, before, after, moves.Count, valueMoved, instance.Budget, instance.TargetUtilisation);
    }

    private static string Describe(AlignmentFigures before, AlignmentFigures after, int moves, double valueMoved, double budget) =>
        string.Create(CultureInfo.InvariantCulture,
            $"Proposed by the optimiser: {moves} account moves, value moved {valueMoved:N0} of a {budget:N0} budget; " +
            $"utilisation CV {before.UtilisationCv:0.000} → {after.UtilisationCv:0.000}, max/min {before.UtilisationMaxMin:0.00} → {after.UtilisationMaxMin:0.00}, " +
            $"mean travel {before.MeanTravelKm:0.0} → {after.MeanTravelKm:0.0} km.");
}
