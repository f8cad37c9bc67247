using System.Net.Http.Json;
using System.Net;
using System.Text.Json.Nodes;
using static TerritoryGrid.Server.Tests.Commercial.CommercialClient;

namespace TerritoryGrid.Server.Tests.Commercial;

/// <summary>
/// Quota attainment, pipeline coverage and year-over-year growth computed from posted events, with a fiscal year
/// starting in April: the latest event (12 November 2026) is in FY2027-Q3 (October–December 2026). Expected values are
/// worked out by hand in each assertion's comment.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class FiscalFiguresTests(ServerFixture server)
{
    private static JsonObject[] Activity() =>
    [
        Order("o1", "A", "2025-05-10T10:00:00Z", 1000),
        Order("o2", "A", "2025-08-15T10:00:00Z", 500),
        Order("o3", "A", "2025-10-05T10:00:00Z", 300),
        Order("o4", "A", "2025-11-20T10:00:00Z", 9999), // November a year ago: the watermark's month is still open, not compared
        Order("o5", "A", "2026-03-20T10:00:00Z", 700),  // FY2026
        Order("o6", "A", "2026-04-15T10:00:00Z", 2000),
        Funnel("l1", "leadCreated", "d1", "2026-09-20T10:00:00Z"),
        Funnel("q1", "leadQualified", "d1", "2026-09-21T10:00:00Z", 4000),
        Funnel("l2", "leadCreated", "d2", "2026-09-24T10:00:00Z"),
        Funnel("q2", "leadQualified", "d2", "2026-09-25T10:00:00Z", 3000),
        Funnel("w1", "opportunityWon", "d1", "2026-09-30T23:00:00Z", 4000), // the last day of Q2
        Funnel("w2", "opportunityWon", "d2", "2026-10-01T01:00:00Z", 3000), // the first day of Q3
        Order("o7", "A", "2026-11-10T10:00:00Z", 1200),
        Funnel("l3", "leadCreated", "d3", "2026-11-11T10:00:00Z"),
        Funnel("q3", "leadQualified", "d3", "2026-11-12T09:00:00Z", 9000), // open pipeline
    ];

    [Fact]
    public async Task TerritoryAndRep_AreMeasuredAgainstTheirQuarterAndYear_InTheWorkspacesCurrency()
    {
        using var http = server.CreateClient();
        var terms = new CommercialClient(http, "fiscal-figures");
        await terms.LoadCompanyAsync();
        var (settings, _) = await terms.PutSettingsAsync(new { fiscalYearStartMonth = 4, currency = "eur" });
        var (quotas, _) = await terms.PostQuotasCsvAsync(
            "owner_type,owner_id,period,amount\nterritory,east,FY2027-Q3,10000\nterritory,east,FY2027,40000\nrep,ann,FY2027-Q3,6000\n");
        var (ingest, answer) = await terms.PostActivityAsync(Activity());

        var detail = await terms.WaitForAsync("/territories/east", d =>
            (double?)d["territory"]!["fiscal"]?["revenueYearToDate"] == 3200 &&
            (double?)d["reps"]!.AsArray().Single(r => (string?)r!["id"] == "ann")!["fiscal"]?["wonValue"] == 3000);
        var east = detail["territory"]!;
        var fiscal = east["fiscal"]!;
        var ann = detail["reps"]!.AsArray().Single(r => (string?)r!["id"] == "ann")!;

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK), (settings, quotas, ingest));
        Assert.Equal(15, (int)answer["accepted"]!);
        Assert.Equal("EUR", (string?)detail["currency"]);
        Assert.Equal(("EUR", "FY2027-Q3", "2026-10-01T00:00:00+00:00", "imported"),
            ((string?)fiscal["currency"], (string?)fiscal["period"], (string?)fiscal["periodStart"], (string?)fiscal["quotaSource"]));
        // Won in Q3: w2 (3,000); w1 closed on the last day of Q2. 3,000 ÷ 10,000.
        Assert.Equal((3000.0, 0.3, 7000.0), ((double)fiscal["wonValue"]!, (double)fiscal["attainment"]!, (double)fiscal["remainingQuota"]!));
        Assert.Equal(0.3, (double)east["quotaAttainment"]!);
        // Open pipeline 9,000 (d3) ÷ the 7,000 left of the quarter's quota.
        Assert.Equal(9000.0 / 7000, (double)fiscal["pipelineCoverage"]!, 9);
        Assert.Equal(9000.0 / 7000, (double)east["pipelineCoverage"]!, 9);
        // FY2027 (April 2026 on): won 4,000 + 3,000 of 40,000; revenue 2,000 (April) + 1,200 (November).
        Assert.Equal(("FY2027", 7000.0, 7000.0 / 40000, 3200.0),
            ((string?)fiscal["fiscalYear"], (double)fiscal["yearWonValue"]!, (double)fiscal["yearAttainment"]!, (double)fiscal["revenueYearToDate"]!));
        // April–October 2026: 2,000; April–October 2025: 1,000 + 500 + 300 = 1,800; growth 2,000 ÷ 1,800 − 1.
        Assert.Equal((7, 2000.0, 1800.0), ((int)fiscal["comparedMonths"]!, (double)fiscal["revenueComparedMonths"]!, (double)fiscal["revenueSameMonthsLastYear"]!));
        Assert.Equal((2000.0 / 1800) - 1, (double)fiscal["yearOverYearGrowth"]!, 9);
        // Ann: 3,000 of her 6,000; the 9,000 of open pipeline covers her remaining 3,000 three times.
        Assert.Equal((6000.0, 0.5, 3.0), ((double)ann["fiscal"]!["quota"]!, (double)ann["quotaAttainment"]!, (double)ann["fiscal"]!["pipelineCoverage"]!));

        var export = (await terms.GetTextAsync("/export/territories.csv")).Split("\r\n");
        var header = export[0].Split(',');
        var row = export.Single(l => l.StartsWith("east,", StringComparison.Ordinal)).Split(',');
        string Column(string name) => row[Array.IndexOf(header, name)];
        Assert.Equal(("EUR", "FY2027-Q3", "10000", "3000", "0.3", "3200"),
            (Column("currency"), Column("fiscal_quarter"), Column("quarter_quota"), Column("quarter_won_value"), Column("quota_attainment"), Column("revenue_fiscal_ytd")));
    }

    [Fact]
    public async Task WithoutAPeriodQuota_TheAnnualQuotaIsProrated_AndWithoutEitherThereIsNoAttainment()
    {
        using var http = server.CreateClient();
        var terms = new CommercialClient(http, "fiscal-fallback");
        await terms.LoadCompanyAsync(); // east: annualQuota 100,000; west none
        await terms.PostActivityAsync(Funnel("l", "leadCreated", "d", "2026-11-01T10:00:00Z"), Funnel("q", "leadQualified", "d", "2026-11-02T10:00:00Z", 5000),
            Funnel("w", "opportunityWon", "d", "2026-11-03T10:00:00Z", 5000));

        var east = (await terms.WaitForAsync("/territories/east", d => (double?)d["territory"]!["fiscal"]?["wonValue"] == 5000))["territory"]!;
        var west = (await terms.GetAsync("/territories/west"))["territory"]!;

        // Calendar fiscal years (the default): Q4 2026; 100,000 ÷ 4 = 25,000; 5,000 ÷ 25,000.
        Assert.Equal(("FY2026-Q4", "annualQuotaProrated", 25000.0, 0.2, "USD"),
            ((string?)east["fiscal"]!["period"], (string?)east["fiscal"]!["quotaSource"], (double)east["fiscal"]!["quota"]!, (double)east["quotaAttainment"]!,
             (string?)east["fiscal"]!["currency"]));
        Assert.Equal(("none", null, 0.0), ((string?)west["fiscal"]!["quotaSource"], (double?)west["fiscal"]!["attainment"], (double)west["quotaAttainment"]!));
    }

    [Fact]
    public async Task TheCompanyDefinition_MaySetTheCalendarAndCurrency_CheckedWithTheRest()
    {
        using var http = server.CreateClient();
        var terms = new CommercialClient(http, "fiscal-company");
        var company = Api.TestData.Company();
        company["fiscalYearStartMonth"] = 0;
        company["currency"] = "E";
        var refused = await http.PutAsJsonAsync($"{terms.Path}/company", company);
        var errors = System.Text.Json.Nodes.JsonNode.Parse(await refused.Content.ReadAsStringAsync())!["errors"]!.AsArray()
            .Select(e => $"{e!["entity"]}|{e["field"]}").ToArray();
        company["fiscalYearStartMonth"] = 10;
        company["currency"] = "chf";
        await terms.LoadCompanyAsync(company);
        var settings = await terms.GetAsync("/settings");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(["company|fiscalYearStartMonth", "company|currency"], errors);
        Assert.Equal((10, "CHF"), ((int)settings["fiscalYearStartMonth"]!, (string?)settings["currency"]));
    }

    [Fact]
    public async Task Settings_AreChecked_AndShownOnTheWorkspace()
    {
        using var http = server.CreateClient();
        var terms = new CommercialClient(http, "fiscal-settings");
        await terms.LoadCompanyAsync();

        var (bad, errors) = await terms.PutSettingsAsync(new { fiscalYearStartMonth = 13, currency = "EURO" });
        var before = await terms.GetAsync("/settings");
        var (good, _) = await terms.PutSettingsAsync(new { currency = "gbp" });
        var (_, month) = await terms.PutSettingsAsync(new { fiscalYearStartMonth = 7 });
        var info = await terms.GetAsync("/");

        Assert.Equal(HttpStatusCode.BadRequest, bad);
        Assert.Equal(["settings|fiscal-settings|fiscalYearStartMonth", "settings|fiscal-settings|currency"], Errors(errors));
        Assert.Contains("not an ISO 4217 currency code", Messages(errors));
        Assert.Equal((1, true, "USD", true), ((int)before["fiscalYearStartMonth"]!, (bool)before["fiscalYearStartMonthIsDefault"]!, (string?)before["currency"], (bool)before["currencyIsDefault"]!));
        Assert.Equal(HttpStatusCode.OK, good);
        Assert.Equal((7, "GBP"), ((int)month["terms"]!["fiscalYearStartMonth"]!, (string?)month["terms"]!["currency"]));
        Assert.Equal(("GBP", 7), ((string?)info["currency"], (int)info["fiscalYearStartMonth"]!));
        Assert.Equal("GBP", (string?)(await terms.GetAsync("/territories"))["currency"]);
    }
}
