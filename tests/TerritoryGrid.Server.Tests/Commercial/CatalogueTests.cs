using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using static TerritoryGrid.Server.Tests.Commercial.CommercialClient;

namespace TerritoryGrid.Server.Tests.Commercial;

/// <summary>
/// The product catalogue: with one, an order naming an unknown product is refused with its name (posted or imported
/// from history, the rest loading), a known product is booked under its catalogue name, and a quantity is priced.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class CatalogueTests(ServerFixture server)
{
    private const string Catalogue = "product_id,name,price,family\nWID-1,Widget,250,Hardware\nGAD-1,Gadget,\"$1,000.00\",\n";

    [Fact]
    public async Task Ingest_RefusesUnknownProducts_PricesQuantities_AndBooksUnderTheCatalogueName()
    {
        using var http = server.CreateClient();
        var terms = new CommercialClient(http, "catalogue-ingest");
        await terms.LoadCompanyAsync();
        var (imported, catalogue) = await terms.PutProductsCsvAsync(Catalogue);

        var (status, answer) = await terms.PostActivityAsync(
            Order("p1", "A", "2026-11-02T10:00:00Z", product: "widget", quantity: 4),
            Order("p2", "A", "2026-11-02T11:00:00Z", amount: 900, product: "GAD-1"),
            Order("p3", "A", "2026-11-02T12:00:00Z", amount: 50, product: "Sprocket"),
            Order("p4", "A", "2026-11-02T13:00:00Z", quantity: 2),
            new JsonObject { ["id"] = "c1", ["kind"] = "call", ["occurredAt"] = "2026-11-02T14:00:00Z", ["accountId"] = "A", ["quantity"] = 1 },
            Order("p5", "A", "2026-11-02T15:00:00Z", amount: 10));
        var east = (await terms.WaitForAsync("/territories/east", d => (double?)d["territory"]!["totals"]!["revenue"] == 1910))["territory"]!;
        var products = east["revenueByProduct"]!.AsArray().ToDictionary(p => (string)p!["product"]!, p => (double)p!["amount"]!);

        Assert.Equal((HttpStatusCode.OK, 2), (imported, (int)catalogue["imported"]!));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(3, (int)answer["accepted"]!);
        var rejected = answer["rejected"]!.AsArray().Select(r => $"{r!["index"]} {r["reason"]}").ToArray();
        Assert.Equal(3, rejected.Length);
        Assert.StartsWith("2 product 'Sprocket' is not in the workspace's catalogue", rejected[0]);
        Assert.StartsWith("3 quantity 2 cannot be priced", rejected[1]);
        Assert.StartsWith("4 quantity applies only to order", rejected[2]);
        // 4 × 250 under Widget; 900 under Gadget (named by id); an order naming no product stays unspecified.
        Assert.Equal(new Dictionary<string, double> { ["Widget"] = 1000, ["Gadget"] = 900, ["(unspecified)"] = 10 }, products);
        Assert.Equal(1000.0, (await terms.GetAsync("/products"))["products"]!.AsArray().Single(p => (string?)p!["id"] == "GAD-1")!["price"]!.GetValue<double>());
    }

    [Fact]
    public async Task HistoryImport_ReportsAnUnknownProductsLine_PricesQuantities_AndLoadsTheRest()
    {
        using var http = server.CreateClient();
        var terms = new CommercialClient(http, "catalogue-history");
        await terms.LoadCompanyAsync();
        await terms.PutProductsCsvAsync(Catalogue);
        using var form = new MultipartFormDataContent
        {
            { new StringContent("order_id,account_id,rep_id,ordered_at,amount,cost,product,quantity\nr1,A,ann,2026-10-15,1000,200,Widget,\nr2,A,ann,2026-10-16,300,0,Sprocket,\nr3,B,bob,2026-10-17,2000,,,\nr4,A,ann,2026-10-18,,,WID-1,2\n", Encoding.UTF8, "text/csv"), "orders", "orders.csv" },
            { new StringContent("territorygrid"), "layout" },
        };

        var response = await http.PostAsync($"{terms.Path}/activity/csv", form);
        var file = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["files"]![0]!;
        var rejected = file["rejected"]!.AsArray().Single()!;
        await terms.WaitForAsync("/territories/west", d => (double?)d["territory"]!["totals"]!["revenue"] == 2000);
        var east = (await terms.WaitForAsync("/territories/east", d => (double?)d["territory"]!["totals"]!["revenue"] == 1500))["territory"]!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((4, 3), ((int)file["rows"]!, (int)file["accepted"]!));
        Assert.Equal(3, (int)rejected["line"]!);
        Assert.Contains("product 'Sprocket' is not in the workspace's catalogue", (string?)rejected["reason"]);
        // 1,000 (r1) and r4's quantity 2 priced at Widget's 250.
        Assert.Equal(1500.0, (double)east["totals"]!["revenue"]!);
    }

    [Fact]
    public async Task AWrongCatalogue_IsRefusedWhole()
    {
        using var http = server.CreateClient();
        var terms = new CommercialClient(http, "catalogue-errors");
        var (status, body) = await terms.PutProductsCsvAsync("product_id,name,price\nWID-1,Widget,250\nWID-2,widget,10\n,Nameless,5\nGAD-1,Gadget,-1\nKIT,Kit,cheap\n");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(["products.csv|line 3|name", "products.csv|line 4|product_id", "products.csv|line 5|price", "products.csv|line 6|price"], Errors(body));
        Assert.Contains("'widget' already names the product on line 2", Messages(body));
        Assert.Empty((await terms.GetAsync("/products"))["products"]!.AsArray());
    }
}
