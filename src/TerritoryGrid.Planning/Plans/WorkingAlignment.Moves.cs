using TerritoryGrid.Domain.Company;

namespace TerritoryGrid.Planning.Plans;

internal sealed partial class WorkingAlignment
{
    private void MoveAccount(int index, string at, PlanMove move)
    {
        if (!KnownAccount($"{at}.accountId", move.AccountId, out var account) || !NotMovedTwice(index, at, account.Id))
        {
            return;
        }

        if (move.ToRepId is null && move.ToTerritoryId is null)
        {
            Problem(at, "a moveAccount needs toRepId or toTerritoryId");
            return;
        }

        RepDefinition? rep = null;
        if (move.ToRepId is not null && !KnownRep($"{at}.toRepId", move.ToRepId, out rep))
        {
            return;
        }

        if (move.ToTerritoryId is not null && !KnownTerritory($"{at}.toTerritoryId", move.ToTerritoryId, out _))
        {
            return;
        }

        var territoryId = move.ToTerritoryId ?? rep!.TerritoryId;
        if (rep is not null && rep.TerritoryId != territoryId)
        {
            Problem($"{at}.toRepId", $"rep '{rep.Id}' works in territory '{rep.TerritoryId}', not '{territoryId}'");
            return;
        }

        var owner = rep?.Id ?? (account.OwnerRepId is { } current && reps.TryGetValue(current, out var owning) && owning.TerritoryId == territoryId
            ? current
            : null);
        if (territoryId == account.TerritoryId && owner == account.OwnerRepId)
        {
            Problem(at, $"account '{account.Id}' is already in territory '{territoryId}' with owner '{owner ?? "none"}'");
            return;
        }

        if (CrossesRegion($"{at}.toTerritoryId", $"account '{account.Id}'", account.TerritoryId, territoryId))
        {
            return;
        }

        accounts[account.Id] = account with { TerritoryId = territoryId, OwnerRepId = owner };
        if (owner is not null)
        {
            orphans.Remove(account.Id);
        }
        else
        {
            orphans.TryAdd(account.Id, index);
        }
    }

    private void MoveRep(int index, string at, PlanMove move)
    {
        if (!KnownRep($"{at}.repId", move.RepId, out var rep) || !KnownTerritory($"{at}.toTerritoryId", move.ToTerritoryId, out var to))
        {
            return;
        }

        if (rep.TerritoryId == to.Id)
        {
            Problem($"{at}.toTerritoryId", $"rep '{rep.Id}' already works in territory '{to.Id}'");
            return;
        }

        var owned = OwnedBy(rep.Id);
        var withAccounts = move.WithAccounts ?? true;
        if (withAccounts && owned.Count > 0 && CrossesRegion($"{at}.toTerritoryId", $"rep '{rep.Id}' with {owned.Count} accounts", rep.TerritoryId, to.Id))
        {
            return;
        }

        reps[rep.Id] = rep with { TerritoryId = to.Id };
        foreach (var account in owned)
        {
            accounts[account.Id] = withAccounts ? account with { TerritoryId = to.Id } : account with { OwnerRepId = null };
            if (!withAccounts)
            {
                orphans.TryAdd(account.Id, index);
            }
        }
    }

    private void AddRep(string at, PlanMove move)
    {
        if (move.Rep is not { } rep || string.IsNullOrWhiteSpace(rep.Id) || string.IsNullOrWhiteSpace(rep.Name))
        {
            Problem($"{at}.rep", "an addRep needs a rep with an id, a name, a territoryId and a home");
            return;
        }

        if (reps.ContainsKey(rep.Id) || company.Reps.Any(r => r.Id == rep.Id))
        {
            Problem($"{at}.rep.id", $"rep '{rep.Id}' already exists");
            return;
        }

        if (!KnownTerritory($"{at}.rep.territoryId", rep.TerritoryId, out _))
        {
            return;
        }

        var weeks = move.RampWeeks ?? PlanCompiler.DefaultRampWeeks;
        if (weeks is < 0 or > PlanCompiler.MaxRampWeeks)
        {
            Problem($"{at}.rampWeeks", $"must be between 0 and {PlanCompiler.MaxRampWeeks}");
            return;
        }

        reps[rep.Id] = rep;
        repOrder.Add(rep.Id);
        RampWeeks[rep.Id] = weeks;
    }

    private void RemoveRep(int index, string at, PlanMove move)
    {
        if (!KnownRep($"{at}.repId", move.RepId, out var rep))
        {
            return;
        }

        RepDefinition? successor = null;
        if (move.ToRepId is not null)
        {
            if (!KnownRep($"{at}.toRepId", move.ToRepId, out successor))
            {
                return;
            }

            if (successor.Id == rep.Id)
            {
                Problem($"{at}.toRepId", "a leaving rep cannot take over their own accounts");
                return;
            }
        }

        var owned = OwnedBy(rep.Id);
        if (successor is not null && owned.Count > 0 &&
            CrossesRegion($"{at}.toRepId", $"{owned.Count} accounts of rep '{rep.Id}'", rep.TerritoryId, successor.TerritoryId))
        {
            return;
        }

        reps.Remove(rep.Id);
        foreach (var account in owned)
        {
            accounts[account.Id] = successor is null
                ? account with { OwnerRepId = null }
                : account with { OwnerRepId = successor.Id, TerritoryId = successor.TerritoryId };
            if (successor is null)
            {
                orphans.TryAdd(account.Id, index);
            }
        }
    }
}
