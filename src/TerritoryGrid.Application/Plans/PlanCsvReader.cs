using TerritoryGrid.Application.Companies.Csv;
using TerritoryGrid.Domain.Company;
using TerritoryGrid.Planning.Plans;

namespace TerritoryGrid.Application.Plans;

/// <summary>
/// Account moves from CSV: one row per account with the territory and/or owner it should have. The columns may be
/// named as in this product's accounts export (account_id, territory_id, owner_rep_id), so an edited export is a plan;
/// rows that already hold are skipped (counted), and every bad row is reported with its line and column.
/// </summary>
public static class PlanCsvReader
{
    private static readonly string[] AccountColumns = ["account_id", "accountId", "id", "Account ID"];
    private static readonly string[] RepColumns = ["owner_rep_id", "toRepId", "ownerRepId", "Owner ID"];
    private static readonly string[] TerritoryColumns = ["territory_id", "toTerritoryId", "territoryId", "Territory ID"];

    /// <summary>The plan, or every problem; <c>Lines</c> gives the CSV line of each move (to name it in later problems).</summary>
    public static (PlanDocument? Plan, IReadOnlyList<PlanProblem> Problems, int Unchanged, IReadOnlyList<int> Lines) Read(
        string file, string text, string name, DateTimeOffset? effectiveAt, CompanyDefinition company)
    {
        CsvTable table;
        try
        {
            table = CsvTable.Parse(file, text);
        }
        catch (FormatException error)
        {
            return (null, [new PlanProblem(file, error.Message)], 0, []);
        }

        var account = Column(table, AccountColumns);
        var rep = Column(table, RepColumns);
        var territory = Column(table, TerritoryColumns);
        if (account is null || (rep is null && territory is null))
        {
            return (null, [new PlanProblem($"{file} line 1", $"needs a column {string.Join(" or ", AccountColumns)} and one of {string.Join(", ", RepColumns.Concat(TerritoryColumns))}")], 0, []);
        }

        var accounts = company.Accounts.ToDictionary(a => a.Id, StringComparer.Ordinal);
        var problems = new List<PlanProblem>();
        var moves = new List<PlanMove>();
        var unchanged = 0;
        var lines = new List<int>();
        foreach (var row in table.Rows)
        {
            var id = row[account];
            if (id is null)
            {
                problems.Add(new PlanProblem($"{file} line {row.Line}, column {account}", "an account id is required"));
                continue;
            }

            var toRep = rep is null ? null : row[rep];
            var toTerritory = territory is null ? null : row[territory];
            if (accounts.TryGetValue(id, out var current) && (toTerritory ?? current.TerritoryId) == current.TerritoryId && (toRep ?? current.OwnerRepId) == current.OwnerRepId)
            {
                unchanged++;
                continue;
            }

            moves.Add(new PlanMove(PlanMoveKinds.MoveAccount, AccountId: id, ToRepId: toRep, ToTerritoryId: toTerritory));
            lines.Add(row.Line);
        }

        return problems.Count > 0
            ? (null, problems, unchanged, lines)
            : (new PlanDocument(name, moves, $"from {file}", effectiveAt), [], unchanged, lines);
    }

    private static string? Column(CsvTable table, string[] names) =>
        names.FirstOrDefault(n => table.Header.Contains(n, StringComparer.OrdinalIgnoreCase));
}
