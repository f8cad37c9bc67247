using System.Diagnostics.CodeAnalysis;
using TerritoryGrid.Domain.Company;

namespace TerritoryGrid.Planning.Plans;

internal sealed partial class WorkingAlignment
{
    private bool KnownAccount(string where, string? id, [NotNullWhen(true)] out AccountDefinition? account)
    {
        account = null;
        if (string.IsNullOrWhiteSpace(id))
        {
            Problem(where, "an account id is required");
            return false;
        }

        if (!accounts.TryGetValue(id, out account))
        {
            Problem(where, $"unknown account '{id}'");
            return false;
        }

        return true;
    }

    private bool KnownRep(string where, string? id, [NotNullWhen(true)] out RepDefinition? rep)
    {
        rep = null;
        if (string.IsNullOrWhiteSpace(id))
        {
            Problem(where, "a rep id is required");
            return false;
        }

        if (!reps.TryGetValue(id, out rep))
        {
            Problem(where, company.Reps.Any(r => r.Id == id) ? $"rep '{id}' has left by an earlier move" : $"unknown rep '{id}'");
            return false;
        }

        return true;
    }

    private bool KnownTerritory(string where, string? id, [NotNullWhen(true)] out TerritoryDefinition? territory)
    {
        territory = null;
        if (string.IsNullOrWhiteSpace(id))
        {
            Problem(where, "a territory id is required");
            return false;
        }

        if (!territories.TryGetValue(id, out territory))
        {
            Problem(where, company.Territories.Any(t => t.Id == id) ? $"territory '{id}' was merged away by an earlier move" : $"unknown territory '{id}'");
            return false;
        }

        return true;
    }

    private bool NotMovedTwice(int index, string at, string accountId)
    {
        if (movedByName.TryGetValue(accountId, out var earlier))
        {
            Problem(at, $"account '{accountId}' is already moved by moves[{earlier}]");
            return false;
        }

        movedByName[accountId] = index;
        return true;
    }

    /// <summary>The boundary rule: with Planning:KeepRegions, nothing moves between territories of different regions.</summary>
    private bool CrossesRegion(string where, string what, string fromTerritoryId, string toTerritoryId)
    {
        if (!options.KeepRegions || fromTerritoryId == toTerritoryId)
        {
            return false;
        }

        var from = territories.GetValueOrDefault(fromTerritoryId)?.Region;
        var to = territories.GetValueOrDefault(toTerritoryId)?.Region;
        if (string.Equals(from, to, StringComparison.Ordinal))
        {
            return false;
        }

        Problem(where, $"{what} would cross from region '{from ?? "none"}' to region '{to ?? "none"}' (Planning:KeepRegions)");
        return true;
    }

    private List<AccountDefinition> OwnedBy(string repId) => [.. accounts.Values.Where(a => a.OwnerRepId == repId)];
}
