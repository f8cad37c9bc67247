using System.Net;
using System.Text.Json;
using TerritoryGrid.Application;
using TerritoryGrid.Application.Companies.Csv;

namespace TerritoryGrid.Server.Tests.History;

/// <summary>History files as Salesforce and HubSpot write them, through the shipped layouts: every kind of bad row, and real-world dirt.</summary>
[Collection(ServerCollection.Name)]
public sealed class CrmExportFixtureTests(ServerFixture server)
{
    [Fact]
    public async Task SalesforceExports_WithEveryKindOfError_ReportEachRowByLineAndColumn_AndLoadTheRest()
    {
        using var http = server.CreateClient();
        var history = new HistoryClient(http, "history-sf-errors");
        await history.LoadCompanyAsync();

        var (status, body) = await history.ImportAsync(SalesforceWithCatalogue(),
            ("opportunities", "salesforce-opportunities-errors.csv"), ("orders", "salesforce-orders-errors.csv"));

        Assert.Equal(HttpStatusCode.OK, status);
        var opportunities = HistoryClient.File(body, "opportunities");
        Assert.Equal("rows 12, rejected 9, events 8, accepted 7, late 0, duplicates 0, older 0, not applied 1", HistoryClient.Counts(opportunities));
        var issues = HistoryClient.Issues(opportunities);
        Assert.Equal(10, issues.Length);
        Assert.Equal("3/Account ID: is empty; a value is required", issues[0]);
        Assert.Equal("4/Account ID: unknown account 'ZZZ': no account of the workspace's company has this id or name", issues[1]);
        Assert.Equal("5/Opportunity Owner: unknown rep 'Zed Nobody': no rep of the workspace's company has this id or name", issues[2]);
        Assert.Equal("6/Created Date: '31/31/2026' is not a date in the layout's formats (M/d/yyyy, M/d/yyyy h:mm tt, yyyy-MM-dd)", issues[3]);
        Assert.Equal("7/Amount: 'lots' is not a number", issues[4]);
        Assert.StartsWith("8/Stage: 'Maybe Later' is not a stage the layout maps (Prospecting, Qualification, ", issues[5]);
        Assert.Equal("9/Close Date: is empty; the stage 'Closed Won' is closed, so its close date is required", issues[6]);
        Assert.StartsWith("10/Opportunity ID: '006A1' is also the id on line 2", issues[7]);
        Assert.Equal("11/Close Date: 2026-09-01 is before the created date 2026-09-10", issues[8]);
        // A row whose event the ingest refuses keeps its other events: 006B1's lead and qualification load, its win does not.
        Assert.StartsWith("12/opp:006B1:won: occurredAt 2026-12-31T00:00:00.0000000+00:00 is in the future", issues[9]);

        var orders = HistoryClient.File(body, "orders");
        Assert.Equal("rows 4, rejected 3, events 1, accepted 1, late 0, duplicates 0, older 0, not applied 0", HistoryClient.Counts(orders));
        Assert.Equal(
            [
                "3/Product Name: 'Mystery Box' matches no product of the layout (Core Platform, Field Kit)",
                "4/Order Amount: is empty; a value is required",
                "5/Order Start Date: '2026/09/07' is not a date in the layout's formats (M/d/yyyy, M/d/yyyy h:mm tt, yyyy-MM-dd)",
            ],
            HistoryClient.Issues(orders));

        Assert.Equal("leads 1, opportunities 1, wins 0, losses 0, won 0, revenue 1000, cost 300, touches 0", await history.FunnelAsync("A"));
        Assert.Equal("leads 0, opportunities 0, wins 0, losses 0, won 0, revenue 0, cost 0, touches 0", await history.FunnelAsync("B"));
        Assert.Equal("leads 2, opportunities 2, wins 1, losses 0, won 2500, revenue 0, cost 0, touches 0", await history.FunnelAsync("C"));
    }

    [Fact]
    public async Task HubSpotExports_WithRealWorldDirt_LoadEveryRow()
    {
        using var http = server.CreateClient();
        var history = new HistoryClient(http, "history-hs-dirt");
        await history.LoadCompanyAsync();

        var (status, body) = await history.ImportAsync("hubspot",
            ("opportunities", "hubspot-deals-dirty.csv"), ("activities", "hubspot-activities-dirty.csv"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("rows 4, rejected 0, events 9, accepted 9, late 0, duplicates 0, older 0, not applied 0", HistoryClient.Counts(HistoryClient.File(body, "opportunities")));
        Assert.Equal("rows 3, rejected 0, events 3, accepted 3, late 0, duplicates 0, older 0, not applied 0", HistoryClient.Counts(HistoryClient.File(body, "activities")));
        Assert.Equal("leads 1, opportunities 1, wins 1, losses 0, won 12500, revenue 0, cost 0, touches 1", await history.FunnelAsync("A"));
        Assert.Equal("leads 1, opportunities 1, wins 0, losses 0, won 0, revenue 0, cost 0, touches 1", await history.FunnelAsync("B"));
        Assert.Equal("leads 2, opportunities 1, wins 0, losses 1, won 0, revenue 0, cost 0, touches 1", await history.FunnelAsync("C"));
    }

    [Fact]
    public async Task ALayoutWithoutHistory_IsRefused_SayingWhatIsMissing()
    {
        using var http = server.CreateClient();
        var history = new HistoryClient(http, "history-no-section");
        await history.LoadCompanyAsync();
        var companyOnly = JsonSerializer.Serialize(CsvLayout.BuiltIn["salesforce"] with { Name = "company-only", History = null }, TerritoryGridJson.Options);

        var (status, body) = await history.ImportAsync(companyOnly, ("orders", "salesforce-orders-errors.csv"));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("layout 'company-only' has no history section 'orders', so it cannot import orders", (string)body["detail"]!);
    }

    /// <summary>The shipped Salesforce layout with the products this company sells: an order for any other is a bad row.</summary>
    private static string SalesforceWithCatalogue()
    {
        var layout = CsvLayout.BuiltIn["salesforce"];
        var history = layout.History!;
        var orders = history.Orders! with { Products = new() { ["Core Platform"] = "Core Platform", ["Field Kit"] = "Field Kit" } };
        return JsonSerializer.Serialize(layout with { History = history with { Orders = orders } }, TerritoryGridJson.Options);
    }
}
