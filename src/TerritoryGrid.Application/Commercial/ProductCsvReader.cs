using TerritoryGrid.Application.Companies.Csv;
using TerritoryGrid.Domain.Company;

namespace TerritoryGrid.Application.Commercial;

/// <summary>A catalogue file: columns product_id, name (optional: the id), price, family (optional).</summary>
public static class ProductCsvReader
{
    public static List<ProductInput> Read(CsvTable table, List<ValidationError> errors)
    {
        var columns = CommercialCsv.Columns(table, ["productId", "price"], ["name", "family"], errors);
        if (!columns.ContainsKey("productId") || !columns.ContainsKey("price"))
        {
            return [];
        }

        var inputs = new List<ProductInput>(table.Rows.Count);
        foreach (var row in table.Rows)
        {
            var id = CommercialCsv.Text(row, columns, "productId");
            var name = CommercialCsv.Text(row, columns, "name");
            var price = CommercialCsv.Number(row, columns, "price", errors);
            var family = CommercialCsv.Text(row, columns, "family");
            if (id is null && name is null && price is null && family is null)
            {
                continue;
            }

            if (price is { } number && double.IsNaN(number))
            {
                continue;
            }

            inputs.Add(new ProductInput(table.File, $"line {row.Line}", columns, id, name, price, family));
        }

        return inputs;
    }
}
