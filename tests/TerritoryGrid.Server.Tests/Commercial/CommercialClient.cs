using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using TerritoryGrid.Server.Tests.Api;

namespace TerritoryGrid.Server.Tests.Commercial;

/// <summary>Sends a workspace's settings, quotas, catalogue and activity as a CRM integration would, and reads the answers as JSON.</summary>
internal sealed class CommercialClient(HttpClient client, string workspace)
{
    public string Path => $"/api/workspaces/{workspace}";

    public async Task LoadCompanyAsync(JsonObject? company = null)
    {
        var response = await client.PutAsJsonAsync($"{Path}/company", company ?? TestData.Company());
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    public Task<(HttpStatusCode Status, JsonObject Body)> PutSettingsAsync(object settings) =>
        ReadAsync(client.PutAsJsonAsync($"{Path}/settings", settings));

    public Task<(HttpStatusCode Status, JsonObject Body)> PostQuotasCsvAsync(string csv) => SendCsvAsync(HttpMethod.Post, "quotas", csv);

    public Task<(HttpStatusCode Status, JsonObject Body)> PutProductsCsvAsync(string csv) => SendCsvAsync(HttpMethod.Put, "products", csv);

    public Task<(HttpStatusCode Status, JsonObject Body)> PostActivityAsync(params JsonObject[] events) =>
        ReadAsync(client.PostAsJsonAsync($"{Path}/activity", new JsonArray([.. events])));

    public async Task<JsonObject> GetAsync(string path) => (await client.GetFromJsonAsync<JsonObject>($"{Path}{path}"))!;

    public Task<string> GetTextAsync(string path) => client.GetStringAsync($"{Path}{path}");

    /// <summary>Reads <paramref name="path"/> until <paramref name="done"/> holds (roll-ups reach reps within a second), bounded.</summary>
    public async Task<JsonObject> WaitForAsync(string path, Func<JsonObject, bool> done)
    {
        var body = await GetAsync(path);
        for (var attempt = 0; attempt < 300 && !done(body); attempt++)
        {
            await Task.Delay(50);
            body = await GetAsync(path);
        }

        return body;
    }

    /// <summary>Each error as "entity|id|field", to compare a whole answer at once.</summary>
    public static string[] Errors(JsonObject body) =>
        [.. body["errors"]!.AsArray().Select(e => $"{e!["entity"]}|{e["id"]}|{e["field"]}")];

    public static string Messages(JsonObject body) => string.Join("\n", body["errors"]!.AsArray().Select(e => (string?)e!["message"]));

    public static JsonObject Order(string id, string account, string at, double? amount = null, string? product = null, double? quantity = null)
    {
        var order = new JsonObject { ["id"] = id, ["kind"] = "order", ["occurredAt"] = at, ["accountId"] = account, ["repId"] = "ann" };
        if (amount is { } a)
        {
            order["amount"] = a;
        }

        if (product is not null)
        {
            order["product"] = product;
        }

        if (quantity is { } q)
        {
            order["quantity"] = q;
        }

        return order;
    }

    public static JsonObject Funnel(string id, string kind, string reference, string at, double amount = 0) => new()
    {
        ["id"] = id, ["kind"] = kind, ["occurredAt"] = at, ["accountId"] = "A", ["repId"] = "ann", ["referenceId"] = reference, ["amount"] = amount,
    };

    private async Task<(HttpStatusCode Status, JsonObject Body)> SendCsvAsync(HttpMethod method, string part, string csv)
    {
        using var form = new MultipartFormDataContent { { new StringContent(csv, Encoding.UTF8, "text/csv"), part, $"{part}.csv" } };
        return await ReadAsync(client.SendAsync(new HttpRequestMessage(method, $"{Path}/{part}/csv") { Content = form }));
    }

    private static async Task<(HttpStatusCode Status, JsonObject Body)> ReadAsync(Task<HttpResponseMessage> sending)
    {
        using var response = await sending;
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonNode.Parse(text)!.AsObject());
    }
}
