using TerritoryGrid.Domain.Company;

namespace TerritoryGrid.Planning.Plans;

internal sealed partial class WorkingAlignment
{
    private bool NewTerritory(string at, TerritoryDefinition? created, string what)
    {
        if (created is null || string.IsNullOrWhiteSpace(created.Id) || string.IsNullOrWhiteSpace(created.Name))
        {
            Problem($"{at}.newTerritory", $"{what} needs a new territory with an id and a name");
            return false;
        }

        if (territories.ContainsKey(created.Id) || company.Territories.Any(t => t.Id == created.Id))
        {
            Problem($"{at}.newTerritory.id", $"territory '{created.Id}' already exists");
            return false;
        }

        return true;
    }

    private void Split(int index, string at, PlanMove move)
    {
        if (!KnownTerritory($"{at}.territoryId", move.TerritoryId, out var source))
        {
            return;
        }

        if (!NewTerritory(at, move.NewTerritory, "a split"))
        {
            return;
        }

        var created = move.NewTerritory!;

        var repIds = move.RepIds ?? [];
        var accountIds = move.AccountIds ?? [];
        if (repIds.Count == 0 && accountIds.Count == 0)
        {
            Problem(at, "a split needs repIds or accountIds to take into the new territory");
            return;
        }

        var before = problems.Count;
        var movingReps = new List<RepDefinition>();
        foreach (var repId in repIds)
        {
            if (KnownRep($"{at}.repIds", repId, out var rep))
            {
                if (rep.TerritoryId != source.Id)
                {
                    Problem($"{at}.repIds", $"rep '{rep.Id}' works in territory '{rep.TerritoryId}', not '{source.Id}'");
                }
                else
                {
                    movingReps.Add(rep);
                }
            }
        }

        var movingAccounts = new List<AccountDefinition>();
        foreach (var accountId in accountIds)
        {
            if (KnownAccount($"{at}.accountIds", accountId, out var account) && NotMovedTwice(index, at, account.Id))
            {
                if (account.TerritoryId != source.Id)
                {
                    Problem($"{at}.accountIds", $"account '{account.Id}' is in territory '{account.TerritoryId}', not '{source.Id}'");
                }
                else
                {
                    movingAccounts.Add(account);
                }
            }
        }

        if (problems.Count > before)
        {
            return;
        }

        var territory = created with { Region = created.Region ?? source.Region };
        territories[territory.Id] = territory;
        territoryOrder.Add(territory.Id);
        var movingRepIds = movingReps.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var rep in movingReps)
        {
            reps[rep.Id] = rep with { TerritoryId = territory.Id };
        }

        foreach (var account in accounts.Values.Where(a => a.TerritoryId == source.Id && a.OwnerRepId is { } o && movingRepIds.Contains(o)).ToList())
        {
            accounts[account.Id] = account with { TerritoryId = territory.Id };
        }

        foreach (var account in movingAccounts.Select(a => accounts[a.Id]).Where(a => a.TerritoryId == source.Id))
        {
            accounts[account.Id] = account with { TerritoryId = territory.Id, OwnerRepId = null };
            orphans.TryAdd(account.Id, index);
        }
    }

    private void Merge(string at, PlanMove move)
    {
        if (!KnownTerritory($"{at}.territoryId", move.TerritoryId, out var source) || !KnownTerritory($"{at}.toTerritoryId", move.ToTerritoryId, out var target))
        {
            return;
        }

        if (source.Id == target.Id)
        {
            Problem($"{at}.toTerritoryId", "a territory cannot be merged into itself");
            return;
        }

        if (CrossesRegion($"{at}.toTerritoryId", $"territory '{source.Id}'", source.Id, target.Id))
        {
            return;
        }

        foreach (var rep in reps.Values.Where(r => r.TerritoryId == source.Id).ToList())
        {
            reps[rep.Id] = rep with { TerritoryId = target.Id };
        }

        foreach (var account in accounts.Values.Where(a => a.TerritoryId == source.Id).ToList())
        {
            accounts[account.Id] = account with { TerritoryId = target.Id };
        }

        territories.Remove(source.Id);
    }

    private void AddTerritory(string at, PlanMove move)
    {
        if (!NewTerritory(at, move.NewTerritory, "an addTerritory"))
        {
            return;
        }

        territories[move.NewTerritory!.Id] = move.NewTerritory;
        territoryOrder.Add(move.NewTerritory.Id);
    }

    private void RemoveTerritory(string at, PlanMove move)
    {
        if (!KnownTerritory($"{at}.territoryId", move.TerritoryId, out var territory))
        {
            return;
        }

        var reps = this.reps.Values.Count(r => r.TerritoryId == territory.Id);
        var accounts = this.accounts.Values.Count(a => a.TerritoryId == territory.Id);
        if (reps + accounts > 0)
        {
            Problem($"{at}.territoryId", $"territory '{territory.Id}' still has {reps} reps and {accounts} accounts: move them first, or merge it");
            return;
        }

        territories.Remove(territory.Id);
    }
}
