using TerritoryGrid.Application.Companies.Csv;
using TerritoryGrid.Contracts.Activity;

namespace TerritoryGrid.Application.History;

/// <summary>
/// An order row → one Order event, id <c>order:{id}</c>. When the layout lists products, the row's product must be one
/// of them (a CRM's product names, mapped to the names revenue is booked under); without a list any name is kept. A row
/// with a quantity and no amount is priced by the ingest from the workspace's product catalogue.
/// </summary>
public sealed class OrderRowMapper : IHistoryRowMapper
{
    public HistoryFileKind Kind => HistoryFileKind.Orders;

    public IReadOnlyList<ActivityEvent> Derive(HistoryRow row, HistoryFileLayout layout)
    {
        var id = row.Text("id", required: true);
        var account = row.Account();
        var rep = row.Rep();
        var at = row.Date("occurredAt", required: true);
        var quantity = row.Number("quantity");
        // With a quantity the amount may be left empty: the ingest prices it from the workspace's catalogue.
        var amount = row.Number("amount", required: quantity is null);
        var cost = row.Number("cost") ?? 0;
        var product = Product(row, layout.Products);
        if (row.Problems.Count > 0 || id is null || account is null || at is not { } occurredAt || (amount is null && quantity is null))
        {
            return [];
        }

        return [new ActivityEvent($"order:{id}", ActivityKind.Order, occurredAt, account, rep, Amount: amount ?? 0, Cost: cost, Product: product, Quantity: quantity)];
    }

    private static string? Product(HistoryRow row, Dictionary<string, string>? products)
    {
        var text = row.Text("product");
        if (text is null || products is null)
        {
            return text;
        }

        foreach (var (name, booked) in products)
        {
            if (string.Equals(name.Trim(), text, StringComparison.OrdinalIgnoreCase))
            {
                return booked;
            }
        }

        row.Reject("product", $"'{CsvCompanyReader.Quoted(text)}' matches no product of the layout ({CsvCompanyReader.Quoted(string.Join(", ", products.Keys), 200)})");
        return null;
    }
}
