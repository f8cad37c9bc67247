using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace TerritoryGrid.Server.Tests.Api;

/// <summary>The company from CSV exports, as a CRM writes them, through a layout; every error with file, line and column.</summary>
[Collection(ServerCollection.Name)]
public sealed class CsvImportTests(ServerFixture server)
{
    private const string Territories = "territory_id,territory_name,region\r\neast,East,East\r\nwest,West,West\r\n";
    private const string Reps = "rep_id,rep_name,territory_id,role,home_latitude,home_longitude\r\nann,Ann,east,outside,40.7,-74.0\r\nbob,Bob,west,inside,37.7,-122.4\r\n";

    [Fact]
    public async Task ExportedAccounts_ImportBack_IntoAnotherWorkspace()
    {
        using var client = server.CreateClient();
        var load = await client.PutAsync("/api/workspaces/csv-source/company", new StringContent(TestData.Company().ToJsonString(), Encoding.UTF8, "application/json"));
        Assert.True(load.IsSuccessStatusCode);
        var accounts = await client.GetStringAsync("/api/workspaces/csv-source/export/accounts.csv");
        var territories = "territory_id,territory_name,region\r\neast,East,East\r\nwest,West,West\r\ncentral,Central,\r\n";
        var reps = Reps + "cid,Cid,central,inside,41.9,-87.6\r\n";

        var response = await client.PutAsync("/api/workspaces/csv-copy/company/csv", Form(territories, reps, accounts));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());

        var copied = await client.GetFromJsonAsync<JsonObject>("/api/workspaces/csv-copy/company");
        var original = await client.GetFromJsonAsync<JsonObject>("/api/workspaces/csv-source/company");
        Assert.Equal(
            original!["accounts"]!.AsArray().Select(a => $"{a!["id"]}/{a["territoryId"]}/{a["ownerRepId"]}/{a["annualRevenue"]}/{a["segment"]}"),
            copied!["accounts"]!.AsArray().Select(a => $"{a!["id"]}/{a["territoryId"]}/{a["ownerRepId"]}/{a["annualRevenue"]}/{a["segment"]}"));
    }

    [Fact]
    public async Task SalesforceLayout_WithABomQuotesCommasLineBreaksAndCurrency_Imports()
    {
        const string territories = "\uFEFFTerritory ID,Territory Name,Parent Territory\r\neast,\"East, Coast\",East\r\n";
        const string reps = "User ID,Full Name,Territory ID,Sales Role,Latitude,Longitude\r\nann,\"Ann \"\"The Closer\"\" Lee\",east,Field Sales,40.7,-74.0\r\n";
        const string accounts = "Account ID,Account Name,Territory ID,Account Owner ID,Industry,Billing City,Billing Latitude,Billing Longitude,Annual Revenue,Account Tier\r\n" +
            "001A,\"Acme, Inc.\nHQ\",east,ann,Retail,New York,40.8,-73.9,\"$1,250,000.00\",Tier A\r\n";
        using var client = server.CreateClient();

        var response = await client.PutAsync("/api/workspaces/csv-sf/company/csv", Form(territories, reps, accounts, layout: "salesforce"));

        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var company = await client.GetFromJsonAsync<JsonObject>("/api/workspaces/csv-sf/company");
        var account = company!["accounts"]![0]!;
        Assert.Equal("Acme, Inc. HQ", (string)account["name"]!);
        Assert.Equal(1_250_000.0, (double)account["annualRevenue"]!);
        Assert.Equal("outside", (string)company["reps"]![0]!["role"]!);
        Assert.Equal("East, Coast", (string)company["territories"]![0]!["name"]!);
    }

    [Fact]
    public async Task BadLines_AreAllReported_WithFileLineAndColumn_AndNothingIsApplied()
    {
        const string accounts = "account_id,account_name,territory_id,owner_rep_id,industry,city,latitude,longitude,annual_revenue\r\n" +
            "A,Alpha,east,ann,Retail,New York,40.8,-73.9,lots\r\n" +
            "B,,west,bob,Retail,Oakland,37.8,-122.3,100\r\n" +
            "C,Gamma,nowhere,bob,Retail,Oakland,37.8,-122.3,100\r\n";
        using var client = server.CreateClient();

        var response = await client.PutAsync("/api/workspaces/csv-bad/company/csv", Form(Territories, Reps, accounts));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"entity\":\"accounts.csv\",\"id\":\"line 2\",\"field\":\"annual_revenue\",\"message\":\"'lots' is not a number\"", body);
        Assert.Contains("\"entity\":\"accounts.csv\",\"id\":\"line 3\",\"field\":\"account_name\",\"message\":\"is empty; a value is required\"", body);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/workspaces/csv-bad/company")).StatusCode);

        var fixedFirstTwo = accounts.Replace(",lots", ",100").Replace("B,,", "B,Beta,");
        var unknown = await (await client.PutAsync("/api/workspaces/csv-bad/company/csv", Form(Territories, Reps, fixedFirstTwo))).Content.ReadAsStringAsync();
        Assert.Contains("\"entity\":\"accounts.csv\",\"id\":\"line 4 (account 'C')\",\"field\":\"territoryId\"", unknown);
    }

    [Fact]
    public async Task AMissingColumn_IsNamed_WithTheHeaderThatWasSent()
    {
        using var client = server.CreateClient();
        var response = await client.PutAsync("/api/workspaces/csv-header/company/csv",
            Form(Territories, Reps, "account_id,account_name\r\nA,Alpha\r\n"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("column 'territory_id' (layout 'territorygrid', field territoryId) is missing; the header has: account_id, account_name", body);
    }

    private static MultipartFormDataContent Form(string territories, string reps, string accounts, string? layout = null)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(territories, Encoding.UTF8, "text/csv"), "territories", "territories.csv" },
            { new StringContent(reps, Encoding.UTF8, "text/csv"), "reps", "reps.csv" },
            { new StringContent(accounts, Encoding.UTF8, "text/csv"), "accounts", "accounts.csv" },
            { new StringContent("2026-09-01T00:00:00Z"), "planStart" },
        };
        if (layout is not null)
        {
            form.Add(new StringContent(layout), "layout");
        }

        return form;
    }
}
