using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace TerritoryGrid.Server.Tests.Companies;

/// <summary>Company files as Salesforce and HubSpot write them, through the shipped layouts: every kind of bad line, and real-world dirt.</summary>
[Collection(ServerCollection.Name)]
public sealed class CrmCompanyFixtureTests(ServerFixture server)
{
    [Fact]
    public async Task SalesforceFiles_WithEveryKindOfError_ReportEachLineByFileAndColumn_AndApplyNothing()
    {
        using var client = server.CreateClient();

        var response = await client.PutAsync("/api/workspaces/company-sf-errors/company/csv",
            Form("salesforce", "salesforce-territories-errors.csv", "salesforce-users-errors.csv", "salesforce-accounts-errors.csv"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsArray()
            .Select(e => $"{e!["entity"]} {e["id"]} {e["field"]}: {e["message"]}").ToArray();
        Assert.Equal(
            [
                "territories.csv line 2 Quota: 'lots' is not a number",
                "territories.csv line 3 Territory Name: is empty; a value is required",
                "reps.csv line 2 Sales Role: 'Wizard' is neither inside nor outside (or field)",
                "reps.csv line 3 Latitude: 'north' is not a number",
                "reps.csv line 4 Selling Hours: 'thirty' is not a number",
                "reps.csv line 4 Start Date: '31/12/2026' is not a date in a format layout 'salesforce' declares (M/d/yyyy, M/d/yyyy h:mm tt, yyyy-MM-dd)",
                "reps.csv line 5 User ID: is empty; a value is required",
                "accounts.csv line 2 Industry: is empty; a value is required",
                "accounts.csv line 3 Account Tier: 'Tier Z' is not a segment (A, B or C)",
                "accounts.csv line 3 Billing Longitude: is empty; a value is required",
                "accounts.csv line 3 Employees: -3 is not a whole number of at least 0",
                "accounts.csv line 4 Annual Revenue: 'lots' is not a number",
                "accounts.csv line 4 Employees: 2.5 is not a whole number of at least 0",
            ],
            errors);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/workspaces/company-sf-errors/company")).StatusCode);
    }

    [Fact]
    public async Task HubSpotFiles_WithRealWorldDirt_LoadEveryLine()
    {
        using var client = server.CreateClient();

        var response = await client.PutAsync("/api/workspaces/company-hs-dirt/company/csv",
            Form("hubspot", "hubspot-teams-dirty.csv", "hubspot-users-dirty.csv", "hubspot-companies-dirty.csv"));

        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var company = (await client.GetFromJsonAsync<JsonObject>("/api/workspaces/company-hs-dirt/company"))!;
        Assert.Equal(["T-EAST East, Coast East", "T-WEST West Pacific West"],
            company["territories"]!.AsArray().Select(t => $"{t!["id"]} {t["name"]} {t["region"]}"));
        Assert.Equal(
            [
                "u1 Lee, Ann T-EAST outside 32 1200000 2026-01-05T00:00:00+00:00",
                "u2 Bob \"Deals\" Ray T-WEST inside  900000 2026-10-01T08:30:00+00:00",
                "u3 Cid Moss T-WEST inside 28  ",
            ],
            company["reps"]!.AsArray().Select(r =>
                $"{r!["id"]} {r["name"]} {r["territoryId"]} {r["role"]} {r["sellingHoursPerWeek"]} {r["annualQuota"]} {(r["startDate"] is { } start ? ((DateTimeOffset)start).ToString("yyyy-MM-ddTHH:mm:sszzz") : "")}"));
        Assert.Equal(
            [
                "9001 Acme, Inc. T-EAST u1 New York 2500000 a 1200",
                "9002 Bolt Logistics T-WEST u2 Oakland 450000.5 b 85",
                "9003 Cove Clinic T-WEST u3 Los Angeles 120000  ",
                "9004 Dune Labs T-WEST  San Diego 0  12",
            ],
            company["accounts"]!.AsArray().Select(a =>
                $"{a!["id"]} {a["name"]} {a["territoryId"]} {a["ownerRepId"]} {a["city"]} {a["annualRevenue"]} {(a["segment"] is { } s && a["id"]!.ToString() is "9001" or "9002" ? s : "")} {a["employees"]}"));
    }

    private static MultipartFormDataContent Form(string layout, string territories, string reps, string accounts)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(layout), "layout" },
            { new StringContent("2026-09-01T00:00:00Z"), "planStart" },
        };
        foreach (var (field, file) in new[] { ("territories", territories), ("reps", reps), ("accounts", accounts) })
        {
            form.Add(new ByteArrayContent(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Companies", "Fixtures", file))), field, $"{field}.csv");
        }

        return form;
    }
}
