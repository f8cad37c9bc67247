using TerritoryGrid.Domain.Company;

namespace TerritoryGrid.Planning.Plans;

/// <summary>The alignment as a plan's moves change it, one move at a time, recording every problem met.</summary>
internal sealed partial class WorkingAlignment
{
    private readonly CompanyDefinition company;
    private readonly PlanningOptions options;
    private readonly List<PlanProblem> problems;
    private readonly Dictionary<string, TerritoryDefinition> territories;
    private readonly List<string> territoryOrder;
    private readonly Dictionary<string, RepDefinition> reps;
    private readonly List<string> repOrder;
    private readonly Dictionary<string, AccountDefinition> accounts;

    /// <summary>Accounts moved by name (a moveAccount or a split's account list) and the move that did it.</summary>
    private readonly Dictionary<string, int> movedByName = new(StringComparer.Ordinal);

    /// <summary>Accounts whose owner moved away or left, and the move that did it: each needs an owner by the end.</summary>
    private readonly Dictionary<string, int> orphans = new(StringComparer.Ordinal);

    public WorkingAlignment(CompanyDefinition company, PlanningOptions options, List<PlanProblem> problems)
    {
        this.company = company;
        this.options = options;
        this.problems = problems;
        territories = company.Territories.ToDictionary(t => t.Id, StringComparer.Ordinal);
        territoryOrder = [.. company.Territories.Select(t => t.Id)];
        reps = company.Reps.ToDictionary(r => r.Id, StringComparer.Ordinal);
        repOrder = [.. company.Reps.Select(r => r.Id)];
        accounts = company.Accounts.ToDictionary(a => a.Id, StringComparer.Ordinal);
    }

    public Dictionary<string, int> RampWeeks { get; } = new(StringComparer.Ordinal);

    public CompanyDefinition ToCompany() => company with
    {
        Territories = [.. territoryOrder.Where(territories.ContainsKey).Select(id => territories[id])],
        Reps = [.. repOrder.Where(reps.ContainsKey).Select(id => reps[id])],
        Accounts = [.. company.Accounts.Select(a => TakenOver(a, accounts[a.Id]))],
    };

    /// <summary>An orphaned account given a new owner is orphaned no more.</summary>
    private static AccountDefinition TakenOver(AccountDefinition before, AccountDefinition after) =>
        after.OrphanedSince is not null && after.OwnerRepId is not null && after.OwnerRepId != before.OwnerRepId
            ? after with { OrphanedSince = null }
            : after;

    public void Apply(int index, PlanMove? move)
    {
        var at = $"moves[{index}]";
        switch (move?.Kind)
        {
            case null when move is null:
                Problem(at, "a move object is required");
                break;
            case null:
                Problem($"{at}.kind", $"is required: one of {string.Join(", ", PlanMoveKinds.All)}");
                break;
            case PlanMoveKinds.MoveAccount:
                MoveAccount(index, at, move);
                break;
            case PlanMoveKinds.MoveRep:
                MoveRep(index, at, move);
                break;
            case PlanMoveKinds.SplitTerritory:
                Split(index, at, move);
                break;
            case PlanMoveKinds.MergeTerritories:
                Merge(at, move);
                break;
            case PlanMoveKinds.AddRep:
                AddRep(at, move);
                break;
            case PlanMoveKinds.RemoveRep:
                RemoveRep(index, at, move);
                break;
            case PlanMoveKinds.AddTerritory:
                AddTerritory(at, move);
                break;
            case PlanMoveKinds.RemoveTerritory:
                RemoveTerritory(at, move);
                break;
            default:
                Problem($"{at}.kind", $"'{move.Kind}' is not one of {string.Join(", ", PlanMoveKinds.All)}");
                break;
        }
    }

    /// <summary>The rules on the alignment the whole plan makes.</summary>
    public void CheckResult(int maxListed)
    {
        Listed(orphans.OrderBy(o => o.Value).Select(o => new PlanProblem(
            "plan", $"account '{o.Key}' is left without an owner (by moves[{o.Value}]): give it one with a moveAccount")), maxListed);

        var accountsPerTerritory = accounts.Values.CountBy(a => a.TerritoryId).ToDictionary();
        var repsPerTerritory = reps.Values.CountBy(r => r.TerritoryId).ToDictionary();
        foreach (var id in territoryOrder.Where(territories.ContainsKey))
        {
            if (accountsPerTerritory.GetValueOrDefault(id) > 0 && repsPerTerritory.GetValueOrDefault(id) == 0)
            {
                Problem("plan", $"territory '{id}' is left without reps ({accountsPerTerritory[id]} accounts)");
            }
        }

        if (options.MaxAccountsPerRep > 0)
        {
            var owned = accounts.Values.Where(a => a.OwnerRepId is not null).CountBy(a => a.OwnerRepId!);
            Listed(owned.Where(o => o.Value > options.MaxAccountsPerRep).OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => new PlanProblem(
                "plan", $"rep '{o.Key}' would own {o.Value} accounts, more than the limit of {options.MaxAccountsPerRep} (Planning:MaxAccountsPerRep)")), maxListed);
        }
    }

    private void Listed(IEnumerable<PlanProblem> found, int maxListed)
    {
        var all = found.ToList();
        problems.AddRange(all.Take(maxListed));
        if (all.Count > maxListed)
        {
            problems.Add(new PlanProblem("plan", $"and {all.Count - maxListed} more like the above"));
        }
    }

    private void Problem(string where, string message) => problems.Add(new PlanProblem(where, message));
}
