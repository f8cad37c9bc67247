using TerritoryGrid.Domain.Company;

namespace TerritoryGrid.Application.History;

/// <summary>
/// Finds a workspace's accounts and reps by what a CRM export writes: their id, or else their name (CRM reports often
/// carry "Account Name" and "Opportunity Owner" rather than ids) when exactly one has it.
/// </summary>
public sealed class CompanyDirectory
{
    private readonly Lookup accounts;
    private readonly Lookup reps;

    private CompanyDirectory(Lookup accounts, Lookup reps)
    {
        this.accounts = accounts;
        this.reps = reps;
    }

    public static CompanyDirectory Of(CompanyDefinition company) => new(
        new Lookup("account", company.Accounts.Select(a => (a.Id, a.Name))),
        new Lookup("rep", company.Reps.Select(r => (r.Id, r.Name))));

    /// <summary>The account's id, or null and why not.</summary>
    public (string? Id, string? Problem) Account(string text) => accounts.Find(text);

    public (string? Id, string? Problem) Rep(string text) => reps.Find(text);

    private sealed class Lookup
    {
        private readonly string entity;
        private readonly HashSet<string> ids = new(StringComparer.Ordinal);
        private readonly Dictionary<string, List<string>> byName = new(StringComparer.OrdinalIgnoreCase);

        public Lookup(string entity, IEnumerable<(string Id, string Name)> entries)
        {
            this.entity = entity;
            foreach (var (id, name) in entries)
            {
                ids.Add(id);
                if (!byName.TryGetValue(name.Trim(), out var named))
                {
                    byName[name.Trim()] = named = [];
                }

                named.Add(id);
            }
        }

        public (string? Id, string? Problem) Find(string text)
        {
            if (ids.Contains(text))
            {
                return (text, null);
            }

            return byName.GetValueOrDefault(text) switch
            {
                [var only] => (only, null),
                { Count: > 1 } several => (null, $"{entity} name '{text}' belongs to {several.Count} {entity}s ({string.Join(", ", several.Take(5))}); map a column of ids"),
                _ => (null, $"unknown {entity} '{text}': no {entity} of the workspace's company has this id or name"),
            };
        }
    }
}
