using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using TerritoryGrid.Server.Tests.Api;

namespace TerritoryGrid.Server.Tests.Operations;

/// <summary>Reads a workspace of the test company whole, to compare two deployments that should agree.</summary>
internal static class WorkspaceReadings
{
    private static readonly DateTimeOffset PlanStart = DateTimeOffset.Parse(TestData.PlanStart, CultureInfo.InvariantCulture);

    public static async Task<JsonArray> WaitForEventsAsync(HttpClient client, long expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var territories = (await client.GetFromJsonAsync<JsonObject>("/api/workspaces/live/territories"))!["territories"]!.AsArray();
            long byReps = 0;
            foreach (var rep in new[] { "ann", "bob", "cid" })
            {
                byReps += (long)(await client.GetFromJsonAsync<JsonObject>($"/api/workspaces/live/reps/{rep}"))!["rep"]!["totals"]!["events"]!;
            }

            // Reps hear of their accounts a flush later than territories (every second rather than every 100 ms).
            if ((territories.Sum(t => (long)t!["totals"]!["events"]!) == expected && byReps == expected) || DateTime.UtcNow > deadline)
            {
                // The status history is revised as the last contributions land.
                await Task.Delay(300);
                return (await client.GetFromJsonAsync<JsonObject>("/api/workspaces/live/territories"))!["territories"]!.AsArray();
            }

            await Task.Delay(20);
        }
    }

    /// <summary>Every territory's figures, detail and status history, and the figures as of two past days, numbers to 6 decimals.</summary>
    public static async Task<Dictionary<string, string>> ReadAllAsync(HttpClient client, params string[] alsoRead)
    {
        var reads = new List<string> { "/api/workspaces/live/territories" };
        foreach (var id in new[] { "east", "west", "central" })
        {
            reads.Add($"/api/workspaces/live/territories/{id}");
        }

        reads.Add($"/api/workspaces/live/territories?asOf={PlanStart.AddDays(10):yyyy-MM-dd}");
        reads.Add($"/api/workspaces/live/territories?asOf={PlanStart.AddDays(30):yyyy-MM-dd}");
        reads.AddRange(["/api/workspaces/live/reps/ann", "/api/workspaces/live/accounts/B", .. alsoRead]);
        var answers = new Dictionary<string, string>();
        foreach (var path in reads)
        {
            var response = await client.GetAsync(path);
            Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            answers[path] = Rounded(JsonNode.Parse(await response.Content.ReadAsStringAsync()))?.ToJsonString() ?? "";
        }

        return answers;
    }

    public static string AroundFirstDifference(string text, string other)
    {
        var at = 0;
        while (at < text.Length && at < other.Length && text[at] == other[at])
        {
            at++;
        }

        var from = Math.Max(0, at - 400);
        return $"…{text[from..Math.Min(text.Length, at + 200)]}…";
    }

    /// <summary>Sums taken in another order differ in the last bits.</summary>
    public static JsonNode? Rounded(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.Select(p => KeyValuePair.Create(p.Key, Rounded(p.Value)))),
        JsonArray a => new JsonArray([.. a.Select(Rounded)]),
        JsonValue v when v.TryGetValue<double>(out var d) => JsonValue.Create(Math.Round(d, 6)),
        _ => node?.DeepClone(),
    };
}
