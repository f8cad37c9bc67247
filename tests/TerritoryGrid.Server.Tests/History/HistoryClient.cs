using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using TerritoryGrid.Server.Tests.Api;

namespace TerritoryGrid.Server.Tests.History;

/// <summary>Posts history fixtures as a CRM user would (multipart, one part per file) and reads back what they changed.</summary>
internal sealed class HistoryClient(HttpClient client, string workspace)
{
    public static string Fixture(string name) => System.IO.File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "History", "Fixtures", name));

    public async Task LoadCompanyAsync()
    {
        var response = await client.PutAsync($"/api/workspaces/{workspace}/company", new StringContent(TestData.Company().ToJsonString(), Encoding.UTF8, "application/json"));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Imports fixtures, each as (form part, fixture file name); the layout by name, or as a file when it is JSON.</summary>
    public async Task<(HttpStatusCode Status, JsonObject Body)> ImportAsync(string layout, params (string Part, string Fixture)[] files)
    {
        using var form = new MultipartFormDataContent();
        foreach (var (part, fixture) in files)
        {
            form.Add(new StringContent(Fixture(fixture), Encoding.UTF8, "text/csv"), part, fixture);
        }

        if (layout.StartsWith('{'))
        {
            form.Add(new StringContent(layout, Encoding.UTF8, "application/json"), "layout", "layout.json");
        }
        else
        {
            form.Add(new StringContent(layout), "layout");
        }

        var response = await client.PostAsync($"/api/workspaces/{workspace}/activity/csv", form);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonNode.Parse(text)!.AsObject());
    }

    public async Task<JsonObject> AccountTotalsAsync(string accountId) =>
        (await client.GetFromJsonAsync<JsonObject>($"/api/workspaces/{workspace}/accounts/{accountId}"))!["account"]!["totals"]!.AsObject();

    /// <summary>An account's funnel and money as one line, so a test states the whole expectation at once.</summary>
    public async Task<string> FunnelAsync(string accountId)
    {
        var t = await AccountTotalsAsync(accountId);
        return $"leads {Int(t, "leads")}, opportunities {Int(t, "opportunities")}, wins {Int(t, "wins")}, losses {Int(t, "losses")}, " +
            $"won {Number(t, "wonValue")}, revenue {Number(t, "revenue")}, cost {Number(t, "cost")}, touches {Int(t, "touches")}";
    }

    /// <summary>Waits (bounded) until a territory's rolled-up totals satisfy <paramref name="done"/>; returns them.</summary>
    public async Task<JsonObject> TerritoryTotalsAsync(string territoryId, Func<JsonObject, bool> done)
    {
        JsonObject totals = [];
        for (var attempt = 0; attempt < 200; attempt++)
        {
            totals = (await client.GetFromJsonAsync<JsonObject>($"/api/workspaces/{workspace}/territories/{territoryId}"))!["territory"]!["totals"]!.AsObject();
            if (done(totals))
            {
                break;
            }

            await Task.Delay(50);
        }

        return totals;
    }

    public static JsonObject File(JsonObject body, string kind) =>
        body["files"]!.AsArray().Single(f => (string)f!["kind"]! == kind)!.AsObject();

    /// <summary>A file's counts as one line: rows, rejected rows, events, accepted, late, duplicates, older than the horizon, not applied.</summary>
    public static string Counts(JsonObject file) =>
        $"rows {Int(file, "rows")}, rejected {Int(file, "rowsRejected")}, events {Int(file, "events")}, accepted {Int(file, "accepted")}, late {Int(file, "late")}, " +
        $"duplicates {Int(file, "duplicates")}, older {Int(file, "olderThanDuplicateHorizon")}, not applied {Int(file, "notApplied")}";

    /// <summary>A file's rejected rows (or notices) as "line/column: reason" lines.</summary>
    public static string[] Issues(JsonObject file, string list = "rejected") =>
        [.. file[list]!.AsArray().Select(i => $"{(int)i!["line"]!}/{(string?)i["column"] ?? (string?)i["eventId"]}: {(string)i["reason"]!}")];

    private static int Int(JsonObject o, string name) => (int)o[name]!;

    private static double Number(JsonObject o, string name) => o[name] is { } value ? (double)value : 0;
}
