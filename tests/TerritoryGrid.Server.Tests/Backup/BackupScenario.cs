using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using TerritoryGrid.Testing;
using static TerritoryGrid.Server.Tests.Plans.PlanCompany;

namespace TerritoryGrid.Server.Tests.Backup;

/// <summary>A company with activity, an applied plan and an acknowledged alert; and what the API answers about it.</summary>
internal static class BackupScenario
{
    /// <summary>The effective day of the plan: events before it credit the old owner.</summary>
    public const int PlanDay = 30;

    /// <summary>A day closed long before the last event: its "as of" figures are recorded.</summary>
    public static readonly string AsOfDay = PlanStart.AddDays(20).ToString("yyyy-MM-dd");

    public static async Task LoadAsync(HttpClient admin, string workspace)
    {
        var load = await admin.PutAsJsonAsync($"/api/workspaces/{workspace}/company", Create());
        Assert.True(load.IsSuccessStatusCode, await load.Content.ReadAsStringAsync());
    }

    /// <summary>Every kind of activity day by day over <paramref name="fromDay"/> … <paramref name="toDay"/> (exclusive), in batches; returns the number posted.</summary>
    public static async Task<int> PostDaysAsync(HttpClient ingest, string workspace, int fromDay, int toDay)
    {
        var events = new List<JsonObject>();
        for (var day = fromDay; day < toDay; day++)
        {
            for (var t = 0; t < Territories; t++)
            {
                for (var a = day % 5; a < AccountsPerTerritory; a += 5)
                {
                    events.Add(Event(day, t, a));
                }
            }
        }

        foreach (var batch in events.Chunk(500))
        {
            var response = await ingest.PostAsJsonAsync($"/api/workspaces/{workspace}/activity", new JsonArray([.. batch]));
            var result = await response.Content.ReadFromJsonAsync<JsonObject>();
            Assert.True(response.IsSuccessStatusCode && (int)result!["accepted"]! == batch.Length, result?.ToJsonString());
        }

        return events.Count;
    }

    /// <summary>Moves t0's first five accounts to t1's first rep from <see cref="PlanDay"/>: drafted, approved, scheduled, applied.</summary>
    public static async Task ApplyPlanAsync(HttpClient admin, HttpClient planner, string workspace)
    {
        var moves = new JsonArray([.. Enumerable.Range(0, 5).Select(a => (JsonNode)new JsonObject
        {
            ["kind"] = "moveAccount", ["accountId"] = Account(0, a), ["toRepId"] = Rep(1, 0),
        })]);
        var plan = new JsonObject { ["name"] = "Move five", ["effectiveAt"] = PlanStart.AddDays(PlanDay).ToString("O"), ["moves"] = moves };
        var drafted = await planner.PostAsJsonAsync($"/api/workspaces/{workspace}/plans", plan);
        Assert.Equal(HttpStatusCode.Created, drafted.StatusCode);
        var planId = (await drafted.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/workspaces/{workspace}/plans/{planId}/approve", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await planner.PostAsync($"/api/workspaces/{workspace}/plans/{planId}/schedule", null)).StatusCode);
        var applied = await admin.PostAsync($"/api/workspaces/{workspace}/plans/{planId}/apply", null);
        Assert.True(applied.IsSuccessStatusCode, await applied.Content.ReadAsStringAsync());
    }

    /// <summary>
    /// What the API answers about the workspace, by request: the workspace, company, territory list (live and as of a
    /// past day), each territory (live and as of the day, with its status history), each rep, every account (the
    /// accounts export) and a sample of them one by one, plans, acknowledged alerts and the company balance.
    /// </summary>
    public static async Task<SortedDictionary<string, string>> AnswersAsync(HttpClient admin, string workspace)
    {
        var root = $"/api/workspaces/{workspace}";
        var paths = new List<string>
        {
            "/", "/company", "/territories", $"/territories?asOf={AsOfDay}", "/plans/", "/alerts/acknowledged", "/balance",
            "/export/accounts.csv", "/export/territories.csv", "/settings", "/quotas", "/products",
        };
        for (var t = 0; t < Territories; t++)
        {
            paths.Add($"/territories/{Territory(t)}");
            paths.Add($"/territories/{Territory(t)}?asOf={AsOfDay}");
            paths.Add($"/reps/{Rep(t, 0)}");
            paths.Add($"/reps/{Rep(t, 1)}");
            for (var a = 0; a < AccountsPerTerritory; a += 9)
            {
                paths.Add($"/accounts/{Account(t, a)}");
            }
        }

        var answers = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            var response = await admin.GetAsync(root + path);
            answers[path] = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
        }

        return answers;
    }

    /// <summary>The answers once two reads in a row agree (roll-ups are coalesced: a read right after ingest may see part of it).</summary>
    public static async Task<SortedDictionary<string, string>> SettledAnswersAsync(HttpClient admin, string workspace)
    {
        var previous = await AnswersAsync(admin, workspace);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            await Task.Delay(TimeSpan.FromSeconds(1.5));
            var current = await AnswersAsync(admin, workspace);
            if (current.SequenceEqual(previous) || DateTime.UtcNow > deadline)
            {
                return current;
            }

            previous = current;
        }
    }

    /// <summary>Every answer equal, or the first that differs with both versions.</summary>
    public static void AssertSame(SortedDictionary<string, string> expected, SortedDictionary<string, string> actual)
    {
        Assert.Equal(expected.Keys, actual.Keys);
        foreach (var (path, answer) in expected)
        {
            Assert.True(answer == actual[path], $"{path} differs after the restore:\nbefore: {answer}\nafter:  {actual[path]}");
        }
    }

    public static async Task<byte[]> BackupAsync(HttpClient admin, string workspace)
    {
        var response = await admin.GetAsync($"/api/workspaces/{workspace}/backup");
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith($"territorygrid-{workspace}-g1-", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        return await response.Content.ReadAsByteArrayAsync();
    }

    public static Task<HttpResponseMessage> RestoreAsync(HttpClient admin, string workspace, byte[] file)
    {
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new("application/zip");
        return admin.PostAsync($"/api/workspaces/{workspace}/restore", content);
    }

    public static HttpClient Client(TestServer server, string key)
    {
        var client = server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", key);
        return client;
    }

    private static JsonObject Event(int day, int t, int a)
    {
        var at = PlanStart.AddDays(day).AddHours(9 + (a % 8));
        var id = $"d{day}-{Account(t, a)}";
        var kind = ((day + a) % 4) switch { 0 => "order", 1 => "call", 2 => "visit", _ => "email" };
        var e = new JsonObject { ["id"] = id, ["kind"] = kind, ["occurredAt"] = at.ToString("O"), ["accountId"] = Account(t, a), ["repId"] = Rep(t, a % 2) };
        if (kind == "order")
        {
            e["amount"] = 100.0 + (a * 7) + day;
            e["cost"] = 10.0;
        }

        return e;
    }
}
