using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using TerritoryGrid.Testing;

namespace TerritoryGrid.Server.Tests.Api;

/// <summary>A departure orphans the rep's accounts: under-served by definition until a plan gives them a new owner.</summary>
[Collection(ServerCollection.Name)]
public sealed class RosterDepartureTests(ServerFixture server)
{
    private const string Workspace = "roster-departure";

    private static string At(int day) => DateTimeOffset.Parse(TestData.PlanStart).AddDays(day).ToString("O");

    [Fact]
    public async Task Departure_OrphansTheRepsAccounts_UntilAPlanReassignsThem()
    {
        using var admin = server.CreateClient();
        using var planner = server.CreateClient();
        planner.DefaultRequestHeaders.Authorization = new("Bearer", TestKeys.Planner);
        Assert.True((await admin.PutAsJsonAsync($"/api/workspaces/{Workspace}/company", TestData.Company())).IsSuccessStatusCode);
        var hire = new JsonObject
        {
            ["repId"] = "dina", ["kind"] = "hire", ["effectiveAt"] = At(1), ["territoryId"] = "east", ["name"] = "Dina",
            ["role"] = "inside", ["home"] = new JsonObject { ["latitude"] = 40.7, ["longitude"] = -74.0 }, ["rampWeeks"] = 0,
        };
        var departure = new JsonObject { ["repId"] = "ann", ["kind"] = "departure", ["effectiveAt"] = At(3) };

        var roster = await admin.PostAsJsonAsync($"/api/workspaces/{Workspace}/roster", new JsonArray(hire, departure));
        await admin.PostAsJsonAsync($"/api/workspaces/{Workspace}/activity", new JsonArray(
            TestData.Event("d1", "call", "A", 1, "ann"), TestData.Event("d2", "call", "A", 6, "dina")));

        Assert.Equal(2, (int)(await roster.Content.ReadFromJsonAsync<JsonObject>())!["applied"]!);
        // The detail reads the figures before the history: wait for both to have heard of the departure.
        var orphaned = await EastAsync(admin, d => d["statusHistory"]!.AsArray().Any(c => ((string)c!["reason"]!).Contains("orphaned"))
            && d["territory"]!["orphanedAccounts"] is JsonArray);
        var change = orphaned["statusHistory"]!.AsArray().First(c => ((string)c!["reason"]!).Contains("orphaned"))!;
        Assert.Equal("underServed", (string)change["to"]!);
        Assert.Equal(DateTimeOffset.Parse(At(3)), DateTimeOffset.Parse((string)change["at"]!));
        Assert.Contains("1 orphaned account (owner left, not reassigned): A", (string)change["reason"]!);
        Assert.Equal(["A"], (orphaned["territory"]!["orphanedAccounts"] as JsonArray ?? []).Select(a => (string)a!));
        var account = (await admin.GetFromJsonAsync<JsonObject>($"/api/workspaces/{Workspace}/accounts/A"))!;
        Assert.Equal(DateTimeOffset.Parse(At(3)), DateTimeOffset.Parse((string)account["account"]!["orphanedSince"]!));
        var company = (await admin.GetFromJsonAsync<JsonObject>($"/api/workspaces/{Workspace}/company"))!;
        Assert.Equal(["A"], company["accounts"]!.AsArray().Where(a => a!["orphanedSince"] is not null).Select(a => (string)a!["id"]!));
        Assert.Contains($",ann,Ann,", (await admin.GetStringAsync($"/api/workspaces/{Workspace}/export/accounts.csv")).Split("\r\n").Single(l => l.StartsWith("A,")));

        await ApplyPlanAsync(admin, planner, new JsonObject
        {
            ["name"] = "Dina takes A over", ["effectiveAt"] = At(8),
            ["moves"] = new JsonArray(new JsonObject { ["kind"] = "moveAccount", ["accountId"] = "A", ["toRepId"] = "dina" }),
        });
        await admin.PostAsJsonAsync($"/api/workspaces/{Workspace}/activity", new JsonArray(TestData.Event("d3", "call", "A", 11, "dina")));

        var reassigned = await EastAsync(admin, d => DateTimeOffset.Parse((string)d["territory"]!["watermark"]!) >= DateTimeOffset.Parse(At(11)));
        Assert.Empty(reassigned["territory"]!["orphanedAccounts"]?.AsArray() ?? []);
        Assert.DoesNotContain("orphaned", (string)reassigned["territory"]!["statusReason"]!);
        var history = reassigned["statusHistory"]!.AsArray();
        Assert.Contains(history, c => ((string)c!["reason"]!).Contains("orphaned"));
        Assert.True("underServed" == (string)history.Last(c => DateTimeOffset.Parse((string)c!["at"]!) < DateTimeOffset.Parse(At(8)))!["to"]!, history.ToJsonString());
        var after = (await admin.GetFromJsonAsync<JsonObject>($"/api/workspaces/{Workspace}/accounts/A"))!;
        Assert.Null(after["account"]!["orphanedSince"]);
        Assert.Equal("dina", (string)after["account"]!["ownerRepId"]!);
        var companyAfter = (await admin.GetFromJsonAsync<JsonObject>($"/api/workspaces/{Workspace}/company"))!;
        Assert.DoesNotContain(companyAfter["accounts"]!.AsArray(), a => a!["orphanedSince"] is not null);
    }

    private static async Task<JsonObject> EastAsync(HttpClient client, Func<JsonObject, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var detail = (await client.GetFromJsonAsync<JsonObject>($"/api/workspaces/{Workspace}/territories/east"))!;
            if (done(detail) || DateTime.UtcNow > deadline)
            {
                return detail;
            }

            await Task.Delay(20);
        }
    }

    private static async Task ApplyPlanAsync(HttpClient admin, HttpClient planner, JsonObject plan)
    {
        var drafted = await planner.PostAsJsonAsync($"/api/workspaces/{Workspace}/plans", plan);
        var draft = (await drafted.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.True(drafted.StatusCode == HttpStatusCode.Created, draft.ToJsonString());
        var planId = (string)draft["id"]!;
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/workspaces/{Workspace}/plans/{planId}/approve", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await planner.PostAsync($"/api/workspaces/{Workspace}/plans/{planId}/schedule", null)).StatusCode);
        var applied = await admin.PostAsync($"/api/workspaces/{Workspace}/plans/{planId}/apply", null);
        Assert.True(applied.StatusCode == HttpStatusCode.OK, await applied.Content.ReadAsStringAsync());
    }
}
