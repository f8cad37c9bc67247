using TerritoryGrid.Application.Companies.Csv;
using TerritoryGrid.Domain.Company;

namespace TerritoryGrid.Application.Commercial;

/// <summary>A quota file: columns owner_type (rep or territory), owner_id, period (FY2027, FY2027-Q3, FY2027-M05), amount.</summary>
public static class QuotaCsvReader
{
    public static readonly string[] Fields = ["ownerType", "ownerId", "period", "amount"];

    public static List<QuotaInput> Read(CsvTable table, List<ValidationError> errors)
    {
        var columns = CommercialCsv.Columns(table, Fields, [], errors);
        if (columns.Count < Fields.Length)
        {
            return [];
        }

        var inputs = new List<QuotaInput>(table.Rows.Count);
        foreach (var row in table.Rows)
        {
            var owner = CommercialCsv.Text(row, columns, "ownerType");
            var id = CommercialCsv.Text(row, columns, "ownerId");
            var period = CommercialCsv.Text(row, columns, "period");
            var amount = CommercialCsv.Number(row, columns, "amount", errors);
            if (owner is null && id is null && period is null && amount is null)
            {
                continue;
            }

            if (amount is { } number && double.IsNaN(number))
            {
                continue;
            }

            inputs.Add(new QuotaInput(table.File, $"line {row.Line}", columns, owner, id, period, amount));
        }

        return inputs;
    }
}
