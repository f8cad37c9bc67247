using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace TerritoryGrid.Server.Tests.Commercial;

/// <summary>
/// Quotas by fiscal period through POST …/quotas/csv and POST …/quotas: a valid file is applied (a later file replaces
/// the same owner's quota of the same period); a file with any wrong line is refused whole, every line named.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class QuotaImportTests(ServerFixture server)
{
    [Fact]
    public async Task AValidFile_IsApplied_AndALaterOneReplacesTheSamePeriod()
    {
        using var http = server.CreateClient();
        var terms = new CommercialClient(http, "quota-import-good");
        await terms.LoadCompanyAsync();

        var (status, body) = await terms.PostQuotasCsvAsync("owner_type,owner_id,period,amount\r\nrep,ann,FY2027-Q3,6000\r\nterritory,east,fy2027,\"$40,000.00\"\r\n");
        var (again, _) = await terms.PostQuotasCsvAsync("Owner Type,Owner ID,Period,Amount\nrep,ann,FY2027-Q3,6500\nrep,bob,FY2027-M01,100\n");
        var quotas = (await terms.GetAsync("/quotas"))["quotas"]!.AsArray()
            .Select(q => $"{q!["ownerType"]} {q["ownerId"]} {q["period"]} {q["amount"]}").ToArray();

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(2, (int)body["imported"]!);
        Assert.Equal(HttpStatusCode.OK, again);
        Assert.Equal(["rep ann FY2027-Q3 6500", "rep bob FY2027-M01 100", "territory east FY2027 40000"], quotas);
    }

    [Fact]
    public async Task AFileWithWrongLines_IsRefusedWhole_NamingEveryLineAndColumn()
    {
        using var http = server.CreateClient();
        var terms = new CommercialClient(http, "quota-import-errors");
        await terms.LoadCompanyAsync();

        var (status, body) = await terms.PostQuotasCsvAsync("""
            owner_type,owner_id,period,amount
            rep,ann,FY2027-Q3,6000
            rep,zed,FY2027-Q3,100
            territory,nowhere,FY2027,5
            rep,ann,2027Q3,100
            territory,east,FY2027-Q3,-5
            team,ann,FY2027-Q3,5
            rep,ann,FY2027-Q2,lots
            rep,ann,FY2027-Q3,7000
            rep,,FY2027-Q3,1
            """ + $"\nrep,ann,{new string('Q', 100_000)},1\n");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(
            [
                "quotas.csv|line 3|owner_id",
                "quotas.csv|line 4|owner_id",
                "quotas.csv|line 5|period",
                "quotas.csv|line 6|amount",
                "quotas.csv|line 7|owner_type",
                "quotas.csv|line 8|amount",
                "quotas.csv|line 9|period",
                "quotas.csv|line 10|owner_id",
                "quotas.csv|line 11|period",
            ],
            CommercialClient.Errors(body));
        var messages = CommercialClient.Messages(body);
        Assert.Contains("'lots' is not a number", messages);
        Assert.Contains("unknown rep 'zed'", messages);
        Assert.Contains("unknown territory 'nowhere'", messages);
        Assert.Contains("'2027Q3' is not a fiscal period", messages);
        Assert.Contains("must not be negative (got -5)", messages);
        Assert.Contains("'team' is not an owner type", messages);
        Assert.Contains("rep 'ann' already has a quota for FY2027-Q3 (line 2)", messages);
        Assert.True(messages.Length < 5_000, $"the answer quotes at most 100 characters of a cell, not {messages.Length} characters of messages");
        Assert.Empty((await terms.GetAsync("/quotas"))["quotas"]!.AsArray());
    }

    [Fact]
    public async Task AFileWithoutAColumn_NamesTheColumnAndTheHeader()
    {
        using var http = server.CreateClient();
        var terms = new CommercialClient(http, "quota-import-column");
        await terms.LoadCompanyAsync();

        var (status, body) = await terms.PostQuotasCsvAsync("owner_type,owner_id,period\nrep,ann,FY2027\n");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(["quotas.csv|line 1|amount"], CommercialClient.Errors(body));
        Assert.Contains("the header has: owner_type, owner_id, period", CommercialClient.Messages(body));
    }

    [Fact]
    public async Task Json_IsCheckedTheSameWay_EachElementByIndexAndField()
    {
        using var http = server.CreateClient();
        var terms = new CommercialClient(http, "quota-import-json");
        await terms.LoadCompanyAsync();

        var good = await http.PostAsJsonAsync($"{terms.Path}/quotas", new JsonObject
        {
            ["quotas"] = new JsonArray(new JsonObject { ["ownerType"] = "territory", ["ownerId"] = "west", ["period"] = "FY2027-Q1", ["amount"] = 1000 }),
        });
        var bad = await http.PostAsync($"{terms.Path}/quotas", new StringContent(
            """[{"ownerType":"rep","ownerId":"ann","period":"FY2027-Q3","amount":"x"}, 7, {"ownerType":"rep","ownerId":"ann","period":"FY2027-Q9","amount":1}]""",
            Encoding.UTF8, "application/json"));
        var body = JsonNode.Parse(await bad.Content.ReadAsStringAsync())!.AsObject();

        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(["quotas|#0|amount", "quotas|#1|", "quotas|#2|period"], CommercialClient.Errors(body));
        Assert.Single((await terms.GetAsync("/quotas"))["quotas"]!.AsArray());
    }

    [Fact]
    public async Task AWorkspaceWithoutACompany_HasNoOneToGiveAQuota()
    {
        using var http = server.CreateClient();
        var (status, _) = await new CommercialClient(http, "quota-import-empty").PostQuotasCsvAsync("owner_type,owner_id,period,amount\nrep,ann,FY2027,1\n");
        Assert.Equal(HttpStatusCode.NotFound, status);
    }
}
