using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using TerritoryGrid.Server.Tests.Api;

namespace TerritoryGrid.Server.Tests.Hostile;

/// <summary>
/// The hostile-input corpus (ingest-corpus.json: each case's body, expected status and a phrase the answer must
/// contain), posted through the real HTTP pipeline: a clear 4xx naming the problem, valid events applied beside
/// hostile ones, never a 5xx, and the server still serving afterwards.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class HostileIngestTests(ServerFixture server)
{
    private const string Workspace = "hostile";

    public static TheoryData<string> Cases => [.. Corpus().Select(c => (string)c!["name"]!)];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task HostileBatch_IsAnsweredAsTheCorpusSays(string name)
    {
        var @case = Corpus().Single(c => (string)c!["name"]! == name)!;
        using var client = server.CreateClient();
        await LoadAsync(client);

        var response = await client.PostAsync($"/api/workspaces/{Workspace}/activity",
            new StringContent(Expand((string)@case["body"]!), Encoding.UTF8, "application/json"));
        var answer = await response.Content.ReadAsStringAsync();

        Assert.True((int)response.StatusCode == (int)@case["status"]!, $"{name}: {(int)response.StatusCode} {answer}");
        Assert.Contains((string)@case["contains"]!, JsonUnescaped(answer));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/workspaces")).StatusCode);
    }

    /// <summary>A fresh company generation per case, so no case sees another's events.</summary>
    private static async Task LoadAsync(HttpClient client)
    {
        var load = await client.PutAsync($"/api/workspaces/{Workspace}/company", new StringContent(TestData.Company().ToJsonString(), Encoding.UTF8, "application/json"));
        Assert.True(load.IsSuccessStatusCode, await load.Content.ReadAsStringAsync());
    }

    /// <summary>Bodies too large to keep in the file: {{nest:N}}, {{calls:N}}, {{events-with-id:C*N}}.</summary>
    private static string Expand(string body)
    {
        if (!body.StartsWith("{{", StringComparison.Ordinal))
        {
            return body;
        }

        var (generator, argument) = (body[2..body.IndexOf(':')], body[(body.IndexOf(':') + 1)..^2]);
        return generator switch
        {
            "nest" => new string('[', int.Parse(argument)) + new string(']', int.Parse(argument)),
            "calls" => new JsonArray([.. Enumerable.Range(0, int.Parse(argument)).Select(i => (JsonNode)new JsonObject
            {
                ["id"] = $"many-{i}", ["kind"] = "call", ["occurredAt"] = "2026-09-02T10:00:00Z", ["accountId"] = "A",
            })]).ToJsonString(),
            "events-with-id" => new JsonArray(new JsonObject
            {
                ["id"] = new string(argument[0], int.Parse(argument[2..])), ["kind"] = "call", ["occurredAt"] = "2026-09-02T10:00:00Z", ["accountId"] = "A",
            }).ToJsonString(),
            _ => throw new InvalidOperationException($"unknown generator {generator}"),
        };
    }

    /// <summary>The answer re-written with minimal escaping, so the corpus quotes '&lt;' and apostrophes as a user reads them.</summary>
    private static string JsonUnescaped(string answer) =>
        JsonNode.Parse(answer)!.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    private static JsonArray Corpus() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Hostile", "ingest-corpus.json")))!.AsArray();
}
