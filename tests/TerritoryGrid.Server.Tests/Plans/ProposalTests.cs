using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using TerritoryGrid.Testing;
using static TerritoryGrid.Server.Tests.Plans.PlanCompany;

namespace TerritoryGrid.Server.Tests.Plans;

/// <summary>The optimiser through the API: a lopsided company gets a draft that evens it out within the budget.</summary>
[Collection(ServerCollection.Name)]
public sealed class ProposalTests(ServerFixture server)
{
    private const string Workspace = "plan-propose";

    [Fact]
    public async Task ALopsidedCompany_GetsAProposedDraft_WithinTheBudget()
    {
        using var planner = server.CreateClient();
        planner.DefaultRequestHeaders.Authorization = new("Bearer", TestKeys.Planner);
        var company = Create();
        // Territory t0's first rep owns all its hundred accounts; the second owns none.
        foreach (var account in company["accounts"]!.AsArray().Where(a => a!["territoryId"]!.GetValue<string>() == "t0"))
        {
            account!["ownerRepId"] = Rep(0, 0);
        }

        Assert.True((await planner.PutAsJsonAsync($"/api/workspaces/{Workspace}/company", company)).IsSuccessStatusCode);

        var response = await planner.PostAsJsonAsync($"/api/workspaces/{Workspace}/plans/propose", new JsonObject { ["name"] = "Even out t0", ["disruptionBudget"] = 0.2 });
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();

        Assert.True(response.StatusCode == HttpStatusCode.OK, body?.ToJsonString());
        Assert.True(body!["accountsMoved"]!.GetValue<int>() > 0, body.ToJsonString());
        Assert.True(body["valueMoved"]!.GetValue<double>() <= body["valueBudget"]!.GetValue<double>());
        Assert.True(body["improvement"]!.GetValue<double>() > 0);
        var plan = body["plan"]!;
        Assert.Equal("draft", plan["status"]!.GetValue<string>());
        Assert.Equal("test planner", plan["author"]!.GetValue<string>());
        Assert.Equal("Even out t0", plan["name"]!.GetValue<string>());
        Assert.Equal(body["accountsMoved"]!.GetValue<int>(), plan["impact"]!["accountsMoved"]!.GetValue<int>());
        Assert.Contains(plan["document"]!["moves"]!.AsArray(), m => m!["toRepId"]?.GetValue<string>() == Rep(0, 1));
        Assert.True(body["after"]!["utilisationCv"]!.GetValue<double>() < body["before"]!["utilisationCv"]!.GetValue<double>());
    }
}
