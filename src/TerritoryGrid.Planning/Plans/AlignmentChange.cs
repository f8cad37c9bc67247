using TerritoryGrid.Domain.Company;

namespace TerritoryGrid.Planning.Plans;

/// <summary>What a plan changes between two alignments of one company, and how disruptive that is.</summary>
public sealed record AlignmentChange(
    IReadOnlyList<AccountMove> Accounts,
    IReadOnlyList<RepMove> Reps,
    IReadOnlyList<RepDefinition> AddedReps,
    IReadOnlyList<RepDefinition> RemovedReps,
    IReadOnlyList<TerritoryDefinition> AddedTerritories,
    IReadOnlyList<TerritoryDefinition> RemovedTerritories,
    IReadOnlyDictionary<string, int> RampWeeks)
{
    /// <summary>Trailing-12-month revenue of the accounts changing owner or territory.</summary>
    public double AccountValueMoved => Accounts.Sum(a => a.Before.AnnualRevenue);

    public static AlignmentChange Between(CompanyDefinition before, CompanyDefinition after, IReadOnlyDictionary<string, int> rampWeeks)
    {
        var accountsAfter = after.Accounts.ToDictionary(a => a.Id, StringComparer.Ordinal);
        var repsAfter = after.Reps.ToDictionary(r => r.Id, StringComparer.Ordinal);
        var repsBefore = before.Reps.ToDictionary(r => r.Id, StringComparer.Ordinal);
        var territoriesAfter = after.Territories.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        var territoriesBefore = before.Territories.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        return new AlignmentChange(
            [.. before.Accounts
                .Select(a => new AccountMove(a, accountsAfter[a.Id]))
                .Where(m => m.Before.TerritoryId != m.After.TerritoryId || m.Before.OwnerRepId != m.After.OwnerRepId)],
            [.. before.Reps
                .Where(r => repsAfter.TryGetValue(r.Id, out var now) && now.TerritoryId != r.TerritoryId)
                .Select(r => new RepMove(r, repsAfter[r.Id]))],
            [.. after.Reps.Where(r => !repsBefore.ContainsKey(r.Id))],
            [.. before.Reps.Where(r => !repsAfter.ContainsKey(r.Id))],
            [.. after.Territories.Where(t => !territoriesBefore.Contains(t.Id))],
            [.. before.Territories.Where(t => !territoriesAfter.Contains(t.Id))],
            rampWeeks);
    }
}

public sealed record AccountMove(AccountDefinition Before, AccountDefinition After);

public sealed record RepMove(RepDefinition Before, RepDefinition After);
