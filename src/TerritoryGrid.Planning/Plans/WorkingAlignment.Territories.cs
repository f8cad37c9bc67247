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
