using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace TerritoryGrid.Server.Tests.Api;

[Collection(ServerCollection.Name)]
public sealed class RosterTests(ServerFixture server)
{
    private readonly HttpClient client = server.CreateClient();

    private static string At(int day) => DateTimeOffset.Parse(TestData.PlanStart).AddDays(day).ToString("O");

    private async Task<JsonObject> TerritoryAsync(string workspace, string id, Func<JsonObject, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var detail = (await client.GetFromJsonAsync<JsonObject>($"/api/workspaces/{workspace}/territories/{id}"))!;
            if (done(detail) || DateTime.UtcNow > deadline)
            {
                return detail;
            }

            await Task.Delay(20);
        }
    }

    [Fact]
    public async Task Leave_TakesTheRepsCapacityOutForItsDays_AndTheHistorySaysSo()
    {
        const string workspace = "roster-leave";
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync($"/api/workspaces/{workspace}/company", TestData.Company())).StatusCode);

        // East: one C account that Ann calls on time, so the territory is over-served (ample capacity, plan met).
        var leave = await client.PostAsJsonAsync($"/api/workspaces/{workspace}/roster", new JsonArray(
            new JsonObject { ["repId"] = "ann", ["kind"] = "leave", ["effectiveAt"] = At(3), ["until"] = At(10) }));
        await client.PostAsJsonAsync($"/api/workspaces/{workspace}/activity", new JsonArray(
            TestData.Event("c1", "call", "A", 1, "ann"), TestData.Event("c2", "call", "A", 14, "ann")));

        Assert.Equal(HttpStatusCode.OK, leave.StatusCode);
        var east = await TerritoryAsync(workspace, "east", d => d["statusHistory"]!.AsArray().Count >= 2);
        var history = east["statusHistory"]!.AsArray();
        var under = Assert.Single(history, c => (string)c!["to"]! == "underServed")!;
        Assert.Equal(DateTimeOffset.Parse(At(3)), DateTimeOffset.Parse((string)under["at"]!));
        Assert.Equal("overServed", (string)under["from"]!);
        Assert.StartsWith("coverage 0.00 < 0.90: 0 reps (0 capacity hours/week)", (string)under["reason"]!);
        Assert.Contains(history, c => (string)c!["from"]! == "underServed" && DateTimeOffset.Parse((string)c["at"]!) == DateTimeOffset.Parse(At(10)));
        Assert.Equal(30, (double)east["territory"]!["capacityHours"]!);
    }

    [Fact]
    public async Task Hire_JoinsTheTerritoryAndRampsUpToFullCapacity()
    {
        const string workspace = "roster-hire";
        await client.PutAsJsonAsync($"/api/workspaces/{workspace}/company", TestData.Company());

        var hire = await client.PostAsJsonAsync($"/api/workspaces/{workspace}/roster", new JsonArray(new JsonObject
        {
            ["repId"] = "dina", ["kind"] = "hire", ["effectiveAt"] = At(1), ["territoryId"] = "central", ["name"] = "Dina",
            ["role"] = "inside", ["home"] = new JsonObject { ["latitude"] = 41.9, ["longitude"] = -87.6 }, ["rampWeeks"] = 3,
        }));
        await client.PostAsJsonAsync($"/api/workspaces/{workspace}/activity", new JsonArray(TestData.Event("c1", "call", "C", 30, "cid")));

        var hired = (await hire.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.True((int)hired["applied"]! == 1, hired.ToJsonString());
        var central = await TerritoryAsync(workspace, "central", d => (double)d["territory"]!["capacityHours"]! == 60);
        Assert.Equal(60, (double)central["territory"]!["capacityHours"]!);
        Assert.Contains(central["reps"]!.AsArray(), r => (string)r!["id"]! == "dina");
        var dina = await client.GetFromJsonAsync<JsonObject>($"/api/workspaces/{workspace}/reps/dina");
        Assert.Equal(1.0, (double)dina!["rep"]!["availability"]!);
    }

    [Fact]
    public async Task BadChanges_AreRefusedOneByOneWithReasons()
    {
        const string workspace = "roster-bad";
        await client.PutAsJsonAsync($"/api/workspaces/{workspace}/company", TestData.Company());

        var response = await client.PostAsJsonAsync($"/api/workspaces/{workspace}/roster", new JsonArray(
            new JsonObject { ["repId"] = "ghost", ["kind"] = "leave", ["effectiveAt"] = At(1) },
            new JsonObject { ["repId"] = "ann", ["kind"] = "sabbatical", ["effectiveAt"] = At(1) },
            new JsonObject { ["repId"] = "ann", ["kind"] = "availability", ["effectiveAt"] = At(1), ["availability"] = 1.5 },
            new JsonObject { ["repId"] = "ann", ["kind"] = "availability", ["effectiveAt"] = At(1), ["availability"] = 0.5 }));
        var result = (await response.Content.ReadFromJsonAsync<JsonObject>())!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, (int)result["applied"]!);
        Assert.Equal(
            ["unknown rep 'ghost' in workspace 'roster-bad'", "kind 'sabbatical' is not one of leave, departure, availability, hire",
             "availability is required and must be between 0 and 1"],
            result["rejected"]!.AsArray().Select(r => (string)r!["reason"]!));
    }
}
