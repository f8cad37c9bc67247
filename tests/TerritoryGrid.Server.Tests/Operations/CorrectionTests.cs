using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using TerritoryGrid.Server.Tests.Api;

namespace TerritoryGrid.Server.Tests.Operations;

/// <summary>
/// Voids and amendments of earlier events: after them, every figure (territories, their daily history and past days,
/// reps, accounts) must equal what a deployment computes that never received the voided events and received the
/// amended ones as amended.
/// </summary>
public sealed class CorrectionTests : IDisposable
{
    private static readonly DateTimeOffset PlanStart = DateTimeOffset.Parse(TestData.PlanStart, CultureInfo.InvariantCulture);

    /// <summary>An order, a qualification (its deal is won later), a visit inside the call-plan window, and a won deal.</summary>
    private static readonly string[] Voided = ["B-10-order", "A-5-qualified", "A-30-touch", "C-23-won"];

    private const string Amended = "B-20-order";

    private static readonly string[] AlsoRead =
        ["/api/workspaces/live/reps/bob", "/api/workspaces/live/reps/cid", "/api/workspaces/live/accounts/A", "/api/workspaces/live/accounts/C"];

    private readonly string dataDirectory = Directory.CreateTempSubdirectory("territorygrid-corrections-").FullName;

    [Fact]
    public async Task After_voids_and_an_amendment_every_figure_equals_one_computed_without_the_voided_events()
    {
        var activity = Activity();
        Dictionary<string, string> before, corrected, rebuilt;
        using (var server = new ConfiguredServer(Embedded()))
        {
            using var client = server.CreateClient();
            await LoadAsync(client, activity);
            before = await WorkspaceReadings.ReadAllAsync(client, AlsoRead);

            var result = await PostAsync(client, Corrections());
            Assert.Equal(Voided.Length + 1, (int)result["accepted"]!);
            await WorkspaceReadings.WaitForEventsAsync(client, activity.Count - Voided.Length);
            corrected = await WorkspaceReadings.ReadAllAsync(client, AlsoRead);

            // A rebuild replays the corrections from the log in their place: same figures again.
            Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsync("/api/workspaces/live/rebuild", null)).StatusCode);
            await WaitForRebuildAsync(client);
            rebuilt = await WorkspaceReadings.ReadAllAsync(client, AlsoRead);
        }

        Dictionary<string, string> fresh;
        using (var server = new ConfiguredServer(Embedded("fresh")))
        {
            using var client = server.CreateClient();
            await LoadAsync(client, AsCorrected(activity));
            fresh = await WorkspaceReadings.ReadAllAsync(client, AlsoRead);
        }

        foreach (var (path, answer) in fresh)
        {
            Assert.True(answer == corrected[path], $"{path}\nwithout:   {WorkspaceReadings.AroundFirstDifference(answer, corrected[path])}\ncorrected: {WorkspaceReadings.AroundFirstDifference(corrected[path], answer)}");
            Assert.True(answer == rebuilt[path], $"{path}\nwithout: {WorkspaceReadings.AroundFirstDifference(answer, rebuilt[path])}\nrebuilt: {WorkspaceReadings.AroundFirstDifference(rebuilt[path], answer)}");
        }

        Assert.NotEqual(before["/api/workspaces/live/territories"], corrected["/api/workspaces/live/territories"]);
        Assert.NotEqual(before["/api/workspaces/live/accounts/C"], corrected["/api/workspaces/live/accounts/C"]);
    }

    [Fact]
    public async Task A_correction_is_applied_once_and_a_wrong_one_is_refused_with_the_reason()
    {
        using var server = new ConfiguredServer(Embedded());
        using var client = server.CreateClient();
        var activity = Activity();
        await LoadAsync(client, activity);
        var order = activity.Single(e => (string)e["id"]! == "B-10-order");
        var revenue = await RevenueAsync(client);

        var first = await PostAsync(client, [Correction("void-1", "void", "B", "B-10-order")]);
        var retried = await PostAsync(client, [Correction("void-1", "void", "B", "B-10-order")]);
        var wrong = await PostAsync(client,
        [
            Correction("void-2", "void", "B", "B-10-order"),
            Correction("void-3", "void", "B", "void-1"),
            Correction("void-4", "void", "B", "no-such-event"),
            Correction("amend-1", "amendment", "B", "B-15-order", score: 9),
            Correction("void-5", "void", "B", null),
        ]);
        var reposted = await PostAsync(client, [order.DeepClone().AsObject()]);

        Assert.Equal(1, (int)first["accepted"]!);
        Assert.Equal(1, (int)retried["duplicates"]!);
        Assert.Equal(1, (int)reposted["duplicates"]!);
        var reasons = wrong["rejected"]!.AsArray().Select(r => (string)r!["reason"]!).ToArray();
        Assert.Equal(5, reasons.Length);
        Assert.Contains("event 'B-10-order' was already voided", reasons[0]);
        Assert.Contains("event 'void-1' is itself a correction", reasons[1]);
        Assert.Contains("event 'no-such-event' is not an event this account accepted within the last 90 days", reasons[2]);
        Assert.Contains("score applies only to an npsAnswer, and event 'B-15-order' is an order", reasons[3]);
        Assert.Contains("referenceId is required for void", reasons[4]);
        await WorkspaceReadings.WaitForEventsAsync(client, activity.Count - 1);
        Assert.Equal(revenue - (double)order["amount"]!, await RevenueAsync(client), 6);
    }

    [Fact]
    public async Task A_deployment_without_stored_activity_refuses_corrections_and_says_why()
    {
        using var server = new ConfiguredServer([]);
        using var client = server.CreateClient();
        var activity = Activity();
        await LoadAsync(client, activity);

        var refused = await PostAsync(client, [Correction("void-1", "void", "B", "B-10-order")]);

        Assert.Contains("corrections need the stored activity log", (string)refused["rejected"]![0]!["reason"]!);
    }

    public void Dispose() => Directory.Delete(dataDirectory, recursive: true);

    private KeyValuePair<string, string>[] Embedded(string name = "corrected") =>
        [new("Storage:Provider", "Sqlite"), new("Storage:DataDirectory", Path.Combine(dataDirectory, name))];

    private static List<JsonObject> Activity() => [.. AsOfTests.Activity().OrderBy(e => (DateTimeOffset)e["occurredAt"]!)];

    private static List<JsonObject> Corrections() =>
    [
        .. Voided.Select((id, i) => Correction($"void-{i}", "void", id[..1], id)),
        Correction("amend-0", "amendment", "B", Amended, amount: 1500, cost: 100, product: "Gadget"),
    ];

    /// <summary>The activity as it would have been posted had it been right first time.</summary>
    private static List<JsonObject> AsCorrected(List<JsonObject> activity)
    {
        var corrected = activity.Where(e => !Voided.Contains((string)e["id"]!)).Select(e => e.DeepClone().AsObject()).ToList();
        var amended = corrected.Single(e => (string)e["id"]! == Amended);
        amended["amount"] = 1500;
        amended["cost"] = 100;
        amended["product"] = "Gadget";
        return corrected;
    }

    private static JsonObject Correction(
        string id, string kind, string accountId, string? referenceId, double amount = 0, double cost = 0, string? product = null, int? score = null)
    {
        var correction = new JsonObject
        {
            ["id"] = id, ["kind"] = kind, ["accountId"] = accountId, ["referenceId"] = referenceId,
            ["occurredAt"] = PlanStart.AddDays(34).AddHours(20), ["amount"] = amount, ["cost"] = cost,
        };
        if (product is not null)
        {
            correction["product"] = product;
        }

        if (score is not null)
        {
            correction["score"] = score;
        }

        return correction;
    }

    private static async Task LoadAsync(HttpClient client, List<JsonObject> activity)
    {
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync("/api/workspaces/live/company", TestData.Company())).StatusCode);
        foreach (var day in activity.GroupBy(e => ((DateTimeOffset)e["occurredAt"]!).UtcDateTime.Date))
        {
            var posted = await PostAsync(client, [.. day]);
            Assert.Equal(day.Count(), (int)posted["accepted"]!);
        }

        await WorkspaceReadings.WaitForEventsAsync(client, activity.Count);
    }

    private static async Task<JsonObject> PostAsync(HttpClient client, List<JsonObject> batch) =>
        (await (await client.PostAsJsonAsync("/api/workspaces/live/activity", new JsonArray([.. batch.Select(e => e.DeepClone())])))
            .Content.ReadFromJsonAsync<JsonObject>())!;

    private static async Task<double> RevenueAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonObject>("/api/workspaces/live/territories"))!["territories"]!.AsArray()
            .Sum(t => (double)t!["totals"]!["revenue"]!);

    private static async Task WaitForRebuildAsync(HttpClient client)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while ((string)(await client.GetFromJsonAsync<JsonObject>("/api/workspaces/live/rebuild"))!["status"]! == "running")
        {
            Assert.True(DateTime.UtcNow < deadline, "the rebuild did not finish in 60 s");
            await Task.Delay(50);
        }

        await Task.Delay(500);
    }
}
