using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using TerritoryGrid.Testing;
using Xunit.Abstractions;
using static TerritoryGrid.Server.Tests.Plans.PlanCompany;

namespace TerritoryGrid.Server.Tests.Plans;

/// <summary>
/// A plan of hundreds of moves applied while several clients keep posting activity: afterwards every event is counted
/// exactly once, and every territory's totals equal a recomputation from the posted events under effective-dated
/// ownership (an event before the effective time credits the old territory, one after it the new one).
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class LivePlanApplyTests(ServerFixture server, ITestOutputHelper output)
{
    private const string Workspace = "plan-live";
    private static readonly DateTimeOffset EffectiveAt = PlanStart.AddDays(40);

    [Fact]
    public async Task APlanAppliedUnderLoad_LosesNoEvent_AndCreditsEachByItsEventTime()
    {
        using var admin = server.CreateClient();
        using var planner = Client(TestKeys.Planner);
        Assert.True((await admin.PutAsJsonAsync($"/api/workspaces/{Workspace}/company", Create())).IsSuccessStatusCode);
        var before = Enumerable.Range(0, Territories).SelectMany(t => Enumerable.Range(0, AccountsPerTerritory).Select(a => (Account(t, a), Territory(t))))
            .ToDictionary(x => x.Item1, x => x.Item2);

        // Every account of territories 0 and 1 goes to the next territory's first rep: 200 account moves.
        var moves = new JsonArray([.. Enumerable.Range(0, 2).SelectMany(t => Enumerable.Range(0, AccountsPerTerritory).Select(a => (JsonNode)new JsonObject
        {
            ["kind"] = "moveAccount", ["accountId"] = Account(t, a), ["toRepId"] = Rep(t + 1, 0),
        }))]);
        var plan = new JsonObject { ["name"] = "Shift east", ["effectiveAt"] = EffectiveAt.ToString("O"), ["moves"] = moves };
        var drafted = await planner.PostAsJsonAsync($"/api/workspaces/{Workspace}/plans", plan);
        Assert.Equal(HttpStatusCode.Created, drafted.StatusCode);
        var planId = (await drafted.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();

        var selfApproval = await planner.PostAsync($"/api/workspaces/{Workspace}/plans/{planId}/approve", null);
        Assert.Equal(HttpStatusCode.Conflict, selfApproval.StatusCode);
        Assert.Contains("must be approved by someone else", await selfApproval.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsync($"/api/workspaces/{Workspace}/plans/{planId}/apply", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/workspaces/{Workspace}/plans/{planId}/approve", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await planner.PostAsync($"/api/workspaces/{Workspace}/plans/{planId}/schedule", null)).StatusCode);

        var accepted = new ConcurrentBag<(string Account, DateTimeOffset At, double Amount)>();
        using var stop = new CancellationTokenSource();
        var loaders = Enumerable.Range(0, 4).Select(c => Task.Run(() => PostUntilAsync(c, accepted, stop.Token, latestDay: 40))).ToList();
        await Task.Delay(300);
        var applied = await admin.PostAsync($"/api/workspaces/{Workspace}/plans/{planId}/apply", null);
        var appliedBody = await applied.Content.ReadAsStringAsync();
        Assert.True(applied.StatusCode == HttpStatusCode.OK, appliedBody);
        await Task.Delay(300);
        await stop.CancelAsync();
        await Task.WhenAll(loaders);
        // After the switch: late events from before it, and events after it, from every client at once.
        await Task.WhenAll(Enumerable.Range(0, 4).Select(c => PostBatchesAsync(100 + c, accepted, batches: 5, latestDay: 60)));

        var applyResult = JsonNode.Parse(appliedBody)!["applied"]!;
        output.WriteLine($"switch of {applyResult["accountsMoved"]} account moves under load: {applyResult["switchMilliseconds"]} ms; {accepted.Count} events");
        Assert.Equal(200, applyResult["accountsMoved"]!.GetValue<int>());
        Assert.Equal(1, applyResult["alignmentVersion"]!.GetValue<int>());
        var after = await CurrentTerritoriesAsync(admin);
        var expected = accepted
            .GroupBy(e => e.At < EffectiveAt ? before[e.Account] : after[e.Account])
            .ToDictionary(g => g.Key, g => (Events: g.Count(), Revenue: g.Sum(e => e.Amount)));
        Assert.True(accepted.Count(e => e.At >= EffectiveAt) > 100 && accepted.Count(e => e.At < EffectiveAt) > 100);

        var list = await WaitForTotalsAsync(admin, accepted.Count);
        Assert.Equal(1, list["alignmentVersion"]!.GetValue<int>());
        var alignment = (await admin.GetFromJsonAsync<JsonObject>($"/api/workspaces/{Workspace}/alignment"))!;
        Assert.Equal(1, alignment["alignmentVersion"]!.GetValue<int>());
        Assert.Equal(planId, alignment["alignedBy"]!.GetValue<string>());
        foreach (var territory in list["territories"]!.AsArray())
        {
            var id = territory!["id"]!.GetValue<string>();
            var totals = territory["totals"]!;
            Assert.Equal(expected.GetValueOrDefault(id).Events, totals["events"]!.GetValue<long>());
            Assert.Equal(expected.GetValueOrDefault(id).Revenue, totals["revenue"]!.GetValue<double>(), 6);
        }

        Assert.Equal(0, list["territories"]!.AsArray().Single(t => t!["id"]!.GetValue<string>() == "t0")!["accountCount"]!.GetValue<int>());
        Assert.Equal(2 * AccountsPerTerritory, list["territories"]!.AsArray().Single(t => t!["id"]!.GetValue<string>() == "t2")!["accountCount"]!.GetValue<int>());
        var stored = await admin.GetFromJsonAsync<JsonObject>($"/api/workspaces/{Workspace}/plans/{planId}");
        Assert.Equal(["draft", "approved", "scheduled", "applied"], stored!["steps"]!.AsArray().Select(s => s!["status"]!.GetValue<string>()));
        Assert.Equal(Territories, stored["steps"]![3]!["detail"]!["territoriesBefore"]!.AsArray().Count);

        // Rollback is a new plan through the same steps; applied, every account is back where it was.
        var rollback = await planner.PostAsync($"/api/workspaces/{Workspace}/plans/{planId}/rollback", null);
        var rollbackBody = await rollback.Content.ReadFromJsonAsync<JsonObject>();
        Assert.True(rollback.StatusCode == HttpStatusCode.Created, rollbackBody?.ToJsonString());
        var rollbackId = rollbackBody!["id"]!.GetValue<string>();
        Assert.Equal(planId, rollbackBody["rollbackOf"]!.GetValue<string>());
        Assert.Equal(200, rollbackBody["impact"]!["accountsMoved"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/workspaces/{Workspace}/plans/{rollbackId}/approve", null)).StatusCode);
        var later = Uri.EscapeDataString(PlanStart.AddDays(61).ToString("O"));
        Assert.Equal(HttpStatusCode.OK, (await planner.PostAsync($"/api/workspaces/{Workspace}/plans/{rollbackId}/schedule?effectiveAt={later}", null)).StatusCode);
        var undone = await admin.PostAsync($"/api/workspaces/{Workspace}/plans/{rollbackId}/apply", null);
        Assert.True(undone.IsSuccessStatusCode, await undone.Content.ReadAsStringAsync());
        Assert.Equal(before, await CurrentTerritoriesAsync(admin));
        Assert.Equal(2, (await admin.GetFromJsonAsync<JsonObject>($"/api/workspaces/{Workspace}/territories"))!["alignmentVersion"]!.GetValue<int>());
    }

    private async Task PostUntilAsync(int client, ConcurrentBag<(string, DateTimeOffset, double)> accepted, CancellationToken stop, int latestDay)
    {
        var batch = 0;
        while (!stop.IsCancellationRequested)
        {
            await PostBatchAsync(client, batch++, accepted, latestDay);
        }
    }

    private async Task PostBatchesAsync(int client, ConcurrentBag<(string, DateTimeOffset, double)> accepted, int batches, int latestDay)
    {
        for (var batch = 0; batch < batches; batch++)
        {
            await PostBatchAsync(client, batch, accepted, latestDay);
        }
    }

    private async Task PostBatchAsync(int client, int batch, ConcurrentBag<(string, DateTimeOffset, double)> accepted, int latestDay)
    {
        using var ingest = Client(TestKeys.Ingest);
        var random = new Random(client * 10_000 + batch);
        var events = Enumerable.Range(0, 200).Select(i =>
        {
            var account = Account(random.Next(Territories), random.Next(AccountsPerTerritory));
            var at = PlanStart.AddDays(20 + random.NextDouble() * (latestDay - 20));
            return (Id: $"c{client}-b{batch}-{i}", Account: account, At: at, Amount: (double)random.Next(1, 1_000));
        }).ToList();
        var body = new JsonArray([.. events.Select(e => (JsonNode)new JsonObject
        {
            ["id"] = e.Id, ["kind"] = "order", ["occurredAt"] = e.At.ToString("O"), ["accountId"] = e.Account, ["amount"] = e.Amount,
        })]);
        var response = await ingest.PostAsJsonAsync($"/api/workspaces/{Workspace}/activity", body);
        var result = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.True(response.IsSuccessStatusCode, result?.ToJsonString());
        var rejected = result!["rejected"]!.AsArray().Select(r => r!["index"]!.GetValue<int>()).ToHashSet();
        Assert.Empty(rejected);
        foreach (var e in events)
        {
            accepted.Add((e.Account, e.At, e.Amount));
        }
    }

    private async Task<Dictionary<string, string>> CurrentTerritoriesAsync(HttpClient admin)
    {
        var company = await admin.GetFromJsonAsync<JsonObject>($"/api/workspaces/{Workspace}/company");
        return company!["accounts"]!.AsArray().ToDictionary(a => a!["id"]!.GetValue<string>(), a => a!["territoryId"]!.GetValue<string>());
    }

    /// <summary>Roll-ups are coalesced: waits (bounded) until the territories hold every accepted event.</summary>
    private static async Task<JsonObject> WaitForTotalsAsync(HttpClient admin, int events)
    {
        JsonObject list;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        do
        {
            await Task.Delay(100);
            list = (await admin.GetFromJsonAsync<JsonObject>($"/api/workspaces/{Workspace}/territories"))!;
        }
        while (list["territories"]!.AsArray().Sum(t => t!["totals"]!["events"]!.GetValue<long>()) != events && DateTime.UtcNow < deadline);
        return list;
    }

    private HttpClient Client(string key)
    {
        var client = server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        return client;
    }
}
