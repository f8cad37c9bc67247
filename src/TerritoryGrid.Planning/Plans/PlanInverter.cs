using TerritoryGrid.Domain.Company;

namespace TerritoryGrid.Planning.Plans;

/// <summary>
/// The plan that undoes an applied one: a rollback is a new plan, not a rewrite of history. Built from the alignments
/// before and after, so it undoes what the plan changed however its moves were written: territories and reps come
/// back first, then every account returns to its territory and owner, then what the plan added goes.
/// </summary>
public static class PlanInverter
{
    public static PlanDocument Inverse(string planName, CompanyDefinition before, CompanyDefinition after)
    {
        var moves = new List<PlanMove>();
        var territoriesAfter = after.Territories.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        var territoriesBefore = before.Territories.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        var repsAfter = after.Reps.ToDictionary(r => r.Id, StringComparer.Ordinal);
        var repsBefore = before.Reps.ToDictionary(r => r.Id, StringComparer.Ordinal);
        var accountsAfter = after.Accounts.ToDictionary(a => a.Id, StringComparer.Ordinal);

        moves.AddRange(before.Territories.Where(t => !territoriesAfter.Contains(t.Id))
            .Select(t => new PlanMove(PlanMoveKinds.AddTerritory, NewTerritory: t)));
        moves.AddRange(before.Reps.Where(r => !repsAfter.ContainsKey(r.Id))
            .Select(r => new PlanMove(PlanMoveKinds.AddRep, Rep: r, RampWeeks: 0)));
        moves.AddRange(before.Reps.Where(r => repsAfter.TryGetValue(r.Id, out var now) && now.TerritoryId != r.TerritoryId)
            .Select(r => new PlanMove(PlanMoveKinds.MoveRep, RepId: r.Id, ToTerritoryId: r.TerritoryId, WithAccounts: false)));
        moves.AddRange(before.Accounts
            .Where(a => accountsAfter[a.Id].TerritoryId != a.TerritoryId || accountsAfter[a.Id].OwnerRepId != a.OwnerRepId)
            .Select(a => new PlanMove(PlanMoveKinds.MoveAccount, AccountId: a.Id, ToRepId: a.OwnerRepId, ToTerritoryId: a.TerritoryId)));
        moves.AddRange(after.Reps.Where(r => !repsBefore.ContainsKey(r.Id))
            .Select(r => new PlanMove(PlanMoveKinds.RemoveRep, RepId: r.Id)));
        moves.AddRange(after.Territories.Where(t => !territoriesBefore.Contains(t.Id))
            .Select(t => new PlanMove(PlanMoveKinds.RemoveTerritory, TerritoryId: t.Id)));
        return new PlanDocument($"Rollback of {planName}", moves, $"Undoes '{planName}': every territory, rep and account back where it was before it.");
    }
}
