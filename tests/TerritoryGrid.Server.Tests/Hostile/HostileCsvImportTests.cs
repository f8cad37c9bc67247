using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using TerritoryGrid.Server.Tests.Api;

namespace TerritoryGrid.Server.Tests.Hostile;

/// <summary>
/// The hostile CSV corpus (csv-corpus.json: each case's files, expected status and a phrase the answer must contain;
/// for some, phrases the accounts export must then contain), sent through the real HTTP pipeline to the import. A
/// clear 4xx naming file, line and column, never a 5xx, and the server still serving afterwards.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed partial class HostileCsvImportTests(ServerFixture server)
{
    private const string Workspace = "csv-hostile";

    public static TheoryData<string> Cases => [.. Corpus().Select(c => (string)c!["name"]!)];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task HostileCsv_IsAnsweredAsTheCorpusSays(string name)
    {
        var @case = Corpus().Single(c => (string)c!["name"]! == name)!.AsObject();
        using var client = server.CreateClient();

        var response = await client.PutAsync($"/api/workspaces/{Workspace}/company/csv", Content(@case));
        var answer = await response.Content.ReadAsStringAsync();

        Assert.True((int)response.StatusCode == (int)@case["status"]!, $"{name}: {(int)response.StatusCode} {Shorten(answer)}");
        Assert.Contains((string)@case["contains"]!, JsonUnescaped(answer));
        if (@case["maxAnswer"] is { } maxAnswer)
        {
            Assert.True(answer.Length <= (int)maxAnswer, $"{name}: the answer is {answer.Length} characters (it echoes the input?): {Shorten(answer)}");
        }

        if (@case["exported"] is { } exported)
        {
            var export = await client.GetStringAsync($"/api/workspaces/{Workspace}/export/accounts.csv");
            foreach (var fragment in exported is JsonArray fragments ? fragments.Select(f => (string)f!) : [(string)exported!])
            {
                Assert.Contains(fragment, export);
            }
        }

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/workspaces")).StatusCode);
    }

    private static HttpContent Content(JsonObject @case)
    {
        if (@case["contentType"] is { } contentType)
        {
            return new ByteArrayContent(Expand((string)@case["body"]!)) { Headers = { ContentType = new((string)contentType!) } };
        }

        var omitted = @case["omit"]?.AsArray().Select(o => (string)o!).ToHashSet() ?? [];
        byte[]? File(string part, string valid) => omitted.Contains(part) ? null : Expand((string?)@case[part] ?? valid);
        var accounts = @case["accountRows"] is { } rows ? CsvForms.AccountsHeader + (string)rows! : CsvForms.Accounts;
        return CsvForms.Form(
            File("territories", CsvForms.Territories), File("reps", CsvForms.Reps), File("accounts", accounts),
            (string?)@case["layout"], @case["layoutFile"] is { } layoutFile ? Expand((string)layoutFile!) : null,
            (string?)@case["planStart"] ?? "2026-09-01T00:00:00Z");
    }

    /// <summary>
    /// The file's bytes: its text as UTF-8, with {{rep:TEXT:N}} repeated N times (fields too large to keep in the
    /// corpus) and {{byte:HH}} a raw byte (invalid UTF-8, other encodings).
    /// </summary>
    private static byte[] Expand(string text)
    {
        var bytes = new List<byte>();
        var at = 0;
        foreach (Match token in Token().Matches(text))
        {
            bytes.AddRange(Encoding.UTF8.GetBytes(text[at..token.Index]));
            if (token.Groups["kind"].Value == "byte")
            {
                bytes.Add(Convert.ToByte(token.Groups["argument"].Value, 16));
            }
            else
            {
                var cut = token.Groups["argument"].Value.LastIndexOf(':');
                var repeated = token.Groups["argument"].Value[..cut];
                bytes.AddRange(Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(repeated, int.Parse(token.Groups["argument"].Value[(cut + 1)..])))));
            }

            at = token.Index + token.Length;
        }

        bytes.AddRange(Encoding.UTF8.GetBytes(text[at..]));
        return [.. bytes];
    }

    [GeneratedRegex(@"\{\{(?<kind>rep|byte):(?<argument>[^}]*)\}\}")]
    private static partial Regex Token();

    /// <summary>The answer re-written with minimal escaping, so the corpus quotes '&lt;' and apostrophes as a user reads them.</summary>
    private static string JsonUnescaped(string answer) =>
        JsonNode.Parse(answer)!.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    private static string Shorten(string text) => text.Length <= 2_000 ? text : text[..2_000] + "…";

    private static JsonArray Corpus() =>
        JsonNode.Parse(System.IO.File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Hostile", "csv-corpus.json")))!.AsArray();
}
