using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using TerritoryGrid.Server.Export;
using TerritoryGrid.Testing;

namespace TerritoryGrid.Server.Tests.Api;

/// <summary>CSV exports: what a spreadsheet or CRM reads back, safe against formula injection, cut to the caller's scope.</summary>
[Collection(ServerCollection.Name)]
public sealed class ExportTests(ServerFixture server)
{
    [Fact]
    public void Writer_QuotesWhatNeedsIt_AndDisarmsFormulas_ButNotNumbers()
    {
        var csv = new CsvWriter().Text("=cmd|' /C calc'!A0").Text("a,b").Text("say \"hi\"").Text("two\nlines").Text("@SUM(A1)").Number(-5).Text("+1").EndLine().ToString();
        Assert.Equal("'=cmd|' /C calc'!A0,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",'@SUM(A1),-5,'+1\r\n", csv);
    }

    [Fact]
    public async Task Accounts_ExportTheAlignment_WithHostileNamesDisarmed_AndAScopedKeyGetsItsTerritoriesOnly()
    {
        const string workspace = "export";
        var company = TestData.Company();
        company["accounts"]![0]!["name"] = "=HYPERLINK(\"http://evil\",\"click\")";
        using var admin = server.CreateClient();
        var load = await admin.PutAsync($"/api/workspaces/{workspace}/company", new StringContent(company.ToJsonString(), Encoding.UTF8, "application/json"));
        Assert.True(load.IsSuccessStatusCode, await load.Content.ReadAsStringAsync());

        var response = await admin.GetAsync($"/api/workspaces/{workspace}/export/accounts.csv");
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("account_id,account_name,territory_id,territory_name,region,owner_rep_id,owner_rep_name", lines[0]);
        Assert.Equal(4, lines.Length);
        Assert.Equal("A,\"'=HYPERLINK(\"\"http://evil\"\",\"\"click\"\")\",east,East,East,ann,Ann,Retail,New York,40.8,-73.9,65000,18000,,C,,", lines[1][..(lines[1].LastIndexOf(',') + 1)]);

        using var scoped = server.CreateClient();
        scoped.DefaultRequestHeaders.Authorization = new("Bearer", TestKeys.ScopedViewer);
        var own = (await scoped.GetStringAsync($"/api/workspaces/{workspace}/export/accounts.csv")).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, own.Length);
        Assert.StartsWith("A,", own[1]);
        var territories = (await scoped.GetStringAsync($"/api/workspaces/{workspace}/export/territories.csv")).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, territories.Length);
        Assert.StartsWith("east,East,East,", territories[1]);
    }

    [Fact]
    public async Task Reps_ExportTheirLiveFigures_AndAScopedKeyGetsItsTerritoriesReps()
    {
        const string workspace = "export-reps";
        using var admin = server.CreateClient();
        Assert.True((await admin.PutAsJsonAsync($"/api/workspaces/{workspace}/company", TestData.Company())).IsSuccessStatusCode);
        var won = TestData.Event("w1", "opportunityWon", "A", 1, "ann");
        won["amount"] = 25_000;
        won["referenceId"] = "deal-1";
        var calls = new JsonArray(TestData.Event("c1", "call", "A", 1, "ann"), TestData.Event("c2", "call", "B", 1, "bob"), won);
        Assert.True((await admin.PostAsJsonAsync($"/api/workspaces/{workspace}/activity", calls)).IsSuccessStatusCode);
        var deadline = DateTime.UtcNow.AddSeconds(15);
        string[] lines;
        do
        {
            // Reps hear of their accounts' activity within a rep roll-up flush (a second).
            await Task.Delay(100);
            lines = (await admin.GetStringAsync($"/api/workspaces/{workspace}/export/reps.csv")).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        }
        while (!lines.Any(l => l.StartsWith("ann,") && l.Contains(",25000,")) && DateTime.UtcNow < deadline);

        Assert.Equal("rep_id,rep_name,territory_id,role,capacity_hours,availability_now,accounts_owned,workload_hours,utilisation,adherence," +
            "revenue_potential,book_revenue,conversations,won_value,conversion_rate,annual_quota,quota_attainment,watermark," +
            "home_latitude,home_longitude,selling_hours_per_week,experience_years,availability,start_date," +
            "currency,fiscal_quarter,quarter_quota,quarter_won_value,pipeline_coverage,revenue_fiscal_ytd,yoy_growth", lines[0]);
        Assert.Equal(["ann", "bob", "cid"], lines[1..].Select(l => l.Split(',')[0]));
        var ann = lines[1].Split(',');
        Assert.Equal(("Ann", "east", "outside", "1", "25000"), (ann[1], ann[2], ann[3], ann[6], ann[13]));

        using var scoped = server.CreateClient();
        scoped.DefaultRequestHeaders.Authorization = new("Bearer", TestKeys.ScopedViewer);
        var own = (await scoped.GetStringAsync($"/api/workspaces/{workspace}/export/reps.csv")).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["ann"], own[1..].Select(l => l.Split(',')[0]));
    }
}
