using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using TerritoryGrid.Server.Tests.Api;
using TerritoryGrid.Testing;

namespace TerritoryGrid.Server.Tests.Operations;

/// <summary>
/// Rebuilding metrics after a change of thresholds: the company's activity posted under the default thresholds into
/// an embedded (SQLite) deployment, the server restarted with another threshold, the rebuild run; every figure, the
/// status history and the "as of" views must then equal those of a fresh deployment that received the same events
/// under the new threshold.
/// </summary>
public sealed class RebuildTests : IDisposable
{
    private static readonly DateTimeOffset PlanStart = DateTimeOffset.Parse(TestData.PlanStart, CultureInfo.InvariantCulture);

    /// <summary>Adherence below this is under-served: far stricter than the default 0.8, so statuses change.</summary>
    private static readonly KeyValuePair<string, string> StricterAdherence = new("Metrics:Classification:UnderServedAdherenceBelow", "0.97");

    private readonly string dataDirectory = Directory.CreateTempSubdirectory("territorygrid-rebuild-").FullName;

    [Fact]
    public async Task After_a_threshold_change_a_rebuild_gives_the_figures_of_a_fresh_replay_under_the_new_threshold()
    {
        var batches = DailyBatches();
        Dictionary<string, string> before;
        using (var original = new ConfiguredServer(Embedded()))
        {
            using var client = original.CreateClient();
            await LoadAsync(client, batches);
            before = await WorkspaceReadings.ReadAllAsync(client);
        }

        Dictionary<string, string> rebuilt;
        JsonObject finished;
        using (var restarted = new ConfiguredServer([.. Embedded(), StricterAdherence]))
        {
            using var client = restarted.CreateClient();
            var start = await client.PostAsync("/api/workspaces/live/rebuild", null);
            Assert.Equal(HttpStatusCode.Accepted, start.StatusCode);
            finished = await WaitForRebuildAsync(client);
            rebuilt = await WorkspaceReadings.ReadAllAsync(client);
        }

        Dictionary<string, string> fresh;
        using (var replay = new ConfiguredServer([StricterAdherence]))
        {
            using var client = replay.CreateClient();
            await LoadAsync(client, batches);
            fresh = await WorkspaceReadings.ReadAllAsync(client);
        }

        Assert.Equal("done", (string)finished["status"]!);
        Assert.Equal(batches.Count * 3, (long)finished["recordsReplayed"]!);
        Assert.Equal(batches.Sum(b => b.Count), (long)finished["eventsReplayed"]!);
        Assert.Equal(1.0, (double)finished["progress"]!);
        foreach (var (path, answer) in fresh)
        {
            Assert.True(answer == rebuilt[path], $"{path}\nfresh replay: {WorkspaceReadings.AroundFirstDifference(answer, rebuilt[path])}\nrebuilt:      {WorkspaceReadings.AroundFirstDifference(rebuilt[path], answer)}");
        }

        Assert.NotEqual(before["/api/workspaces/live/territories"], rebuilt["/api/workspaces/live/territories"]);
    }

    [Fact]
    public async Task Events_posted_while_a_rebuild_runs_are_all_counted_once()
    {
        using var server = new ConfiguredServer(Embedded());
        using var client = server.CreateClient();
        var batches = DailyBatches();
        await LoadAsync(client, batches[..20]);

        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsync("/api/workspaces/live/rebuild", null)).StatusCode);
        foreach (var batch in batches[20..])
        {
            await PostAsync(client, batch);
        }

        await WaitForRebuildAsync(client);
        var expected = batches.Sum(b => b.Count);
        var revenue = batches.SelectMany(b => b).Where(e => (string)e["kind"]! == "order").Sum(e => (double)e["amount"]!);
        var territories = await WorkspaceReadings.WaitForEventsAsync(client, expected);
        Assert.Equal(expected, territories.Sum(t => (long)t!["totals"]!["events"]!));
        Assert.Equal(revenue, territories.Sum(t => (double)t!["totals"]!["revenue"]!), 6);
    }

    [Fact]
    public async Task A_rebuild_keeps_the_activity_before_a_plan_s_move_where_it_happened()
    {
        using var server = new ConfiguredServer(Embedded());
        using var admin = server.CreateClient();
        using var planner = server.CreateClient();
        planner.DefaultRequestHeaders.Authorization = new("Bearer", TestKeys.Planner);
        var batches = DailyBatches();
        await LoadAsync(admin, batches[..20]);
        var plan = new JsonObject
        {
            ["name"] = "A to the west", ["effectiveAt"] = PlanStart.AddDays(20).ToString("O"),
            ["moves"] = new JsonArray(new JsonObject { ["kind"] = "moveAccount", ["accountId"] = "A", ["toRepId"] = "bob" }),
        };
        var planId = (string)(await (await planner.PostAsJsonAsync("/api/workspaces/live/plans", plan)).Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/workspaces/live/plans/{planId}/approve", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await planner.PostAsync($"/api/workspaces/live/plans/{planId}/schedule", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/workspaces/live/plans/{planId}/apply", null)).StatusCode);
        foreach (var batch in batches[20..])
        {
            await PostAsync(admin, batch);
        }

        var before = Totals(await WorkspaceReadings.WaitForEventsAsync(admin, batches.Sum(b => b.Count)));
        Assert.Equal(HttpStatusCode.Accepted, (await admin.PostAsync("/api/workspaces/live/rebuild", null)).StatusCode);
        await WaitForRebuildAsync(admin);
        var after = Totals(await WorkspaceReadings.WaitForEventsAsync(admin, batches.Sum(b => b.Count)));

        // A's events before day 20 stay in the east, those from day 20 on are in the west.
        var aBefore = batches[..20].SelectMany(b => b).Count(e => (string)e["accountId"]! == "A");
        Assert.Equal(aBefore, before["east"]);
        Assert.Equal(before, after);
    }

    private static Dictionary<string, long> Totals(JsonArray territories) =>
        territories.ToDictionary(t => (string)t!["id"]!, t => (long)t!["totals"]!["events"]!);

    [Fact]
    public async Task A_backup_while_a_rebuild_runs_is_refused_until_it_is_done()
    {
        using var server = new ConfiguredServer([.. Embedded(), new("Rebuild:RecordsPerSecond", "2")]);
        using var client = server.CreateClient();
        await LoadAsync(client, DailyBatches()[..5]);
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsync("/api/workspaces/live/rebuild", null)).StatusCode);

        var during = await client.GetAsync("/api/workspaces/live/backup");
        var again = await client.PostAsync("/api/workspaces/live/rebuild", null);
        await WaitForRebuildAsync(client);
        var after = await client.GetAsync("/api/workspaces/live/backup");

        Assert.Equal(HttpStatusCode.Conflict, during.StatusCode);
        Assert.Contains("workspace 'live' is being rebuilt", await during.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("a rebuild of workspace 'live' is already under way", await again.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task A_deployment_without_stored_activity_refuses_to_rebuild_and_says_why()
    {
        using var server = new ConfiguredServer([]);
        using var client = server.CreateClient();
        await LoadAsync(client, DailyBatches()[..2]);

        var refused = await client.PostAsync("/api/workspaces/live/rebuild", null);
        var status = await client.GetFromJsonAsync<JsonObject>("/api/workspaces/live/rebuild");

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("this deployment keeps no activity log (Storage:Provider is Memory)", await refused.Content.ReadAsStringAsync());
        Assert.Equal("none", (string)status!["status"]!);
    }

    public void Dispose() => Directory.Delete(dataDirectory, recursive: true);

    private KeyValuePair<string, string>[] Embedded() =>
        [new("Storage:Provider", "Sqlite"), new("Storage:DataDirectory", dataDirectory)];

    /// <summary>Five weeks of activity, one posted batch per day, as a CRM integration posts it.</summary>
    private static List<List<JsonObject>> DailyBatches() =>
        [.. AsOfTests.Activity().GroupBy(e => ((DateTimeOffset)e["occurredAt"]!).UtcDateTime.Date).OrderBy(g => g.Key)
            .Select(g => g.OrderBy(e => (DateTimeOffset)e["occurredAt"]!).ToList())];

    private static async Task LoadAsync(HttpClient client, IReadOnlyList<List<JsonObject>> batches)
    {
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync("/api/workspaces/live/company", TestData.Company())).StatusCode);
        foreach (var batch in batches)
        {
            await PostAsync(client, batch);
        }

        await WorkspaceReadings.WaitForEventsAsync(client, batches.Sum(b => b.Count));
    }

    private static async Task PostAsync(HttpClient client, List<JsonObject> batch)
    {
        var posted = await (await client.PostAsJsonAsync("/api/workspaces/live/activity", new JsonArray([.. batch.Select(e => e.DeepClone())])))
            .Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal(batch.Count, (int)posted!["accepted"]!);
    }

    private static async Task<JsonObject> WaitForRebuildAsync(HttpClient client)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var status = (await client.GetFromJsonAsync<JsonObject>("/api/workspaces/live/rebuild"))!;
            if ((string)status["status"]! != "running")
            {
                await Task.Delay(500);
                return status;
            }

            Assert.True(DateTime.UtcNow < deadline, $"the rebuild did not finish in 60 s: {status.ToJsonString()}");
            await Task.Delay(50);
        }
    }
}
