using System.Net;
using System.Text;
using TerritoryGrid.Server.Tests.Api;

namespace TerritoryGrid.Server.Tests.Hostile;

/// <summary>
/// A bounded fuzz run (fixed seed, fixed count, so a failure reproduces): valid batches mutated at random (bytes
/// flipped, cut, hostile tokens spliced in, structure duplicated) and random junk, posted to the ingest endpoint. No
/// answer may be a 5xx, the server keeps serving, and memory stays bounded.
/// </summary>
[Collection(Isolated.Name)]
public sealed class IngestFuzzTests
{
    /// <summary>Its own server, with the per-key rate limit out of the way (the fuzzer posts far faster than it allows).</summary>
    private sealed class FuzzServer : TerritoryGrid.Testing.TestServer
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Limits:RequestsPerSecond", "100000");
            builder.UseSetting("Limits:Burst", "100000");
        }
    }

    private const int Iterations = 1_500;
    private const string Workspace = "fuzz";

    private static readonly string[] Splices =
    [
        "NaN", "Infinity", "-1e999", "1e999", "null", "true", "{}", "[]", "\"\\u0000\"", "\"\\ud800\"", "\"=cmd|' /C calc'!A0\"",
        "\"<img src=x onerror=alert(1)>\"", "9223372036854775808", "-0", "\"2026-02-30T25:61:00Z\"", "\"\u202e\"", ",", ":", "\"",
        "{\"id\":", new string('[', 70), "\"" + new string('x', 5_000) + "\"",
    ];

    [Fact]
    public async Task MutatedAndRandomBatches_NeverGetA5xx_AndMemoryStaysBounded()
    {
        await using var server = new FuzzServer();
        using var client = server.CreateClient();
        var load = await client.PutAsync($"/api/workspaces/{Workspace}/company", Json(TestData.Company().ToJsonString()));
        Assert.True(load.IsSuccessStatusCode, await load.Content.ReadAsStringAsync());
        var random = new Random(20261129);
        var statuses = new Dictionary<int, int>();
        long? baseline = null;

        for (var i = 0; i < Iterations; i++)
        {
            var body = i % 10 == 9 ? Junk(random) : Mutate(ValidBatch(random, i), random);
            var response = await client.PostAsync($"/api/workspaces/{Workspace}/activity", Json(body));
            var status = (int)response.StatusCode;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            Assert.True(status < 500, $"iteration {i}: {status} {await response.Content.ReadAsStringAsync()}\nbody: {Shorten(body)}");
            if (i == 100)
            {
                baseline = HeapAfterCollection();
            }
        }

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/workspaces/{Workspace}/territories")).StatusCode);
        var growth = HeapAfterCollection() - baseline!.Value;
        Assert.True(growth < 64 * 1024 * 1024, $"heap grew {growth / 1024 / 1024} MB over {Iterations - 100} hostile batches");
        Assert.True(statuses.Keys.Count > 1, "the fuzzer only ever got one status: it is not exploring");
    }

    private static string ValidBatch(Random random, int iteration)
    {
        var events = Enumerable.Range(0, random.Next(1, 6)).Select(n =>
            $$"""{"id":"f{{iteration}}-{{n}}","kind":"{{(random.Next(2) == 0 ? "call" : "order")}}","occurredAt":"2026-09-{{random.Next(2, 28):D2}}T10:00:00Z","accountId":"{{"ABC"[random.Next(3)]}}","repId":"ann","amount":{{random.Next(1, 1000)}}}""");
        return "[" + string.Join(",", events) + "]";
    }

    private static string Mutate(string body, Random random)
    {
        var text = new StringBuilder(body);
        for (var m = random.Next(1, 4); m > 0; m--)
        {
            var at = random.Next(text.Length + 1);
            switch (random.Next(5))
            {
                case 0 when text.Length > 0:
                    text[Math.Min(at, text.Length - 1)] = (char)random.Next(0, 128);
                    break;
                case 1:
                    text.Length = Math.Min(at, text.Length);
                    break;
                case 2:
                    text.Insert(at, Splices[random.Next(Splices.Length)]);
                    break;
                case 3:
                    var from = random.Next(text.Length);
                    text.Insert(at, text.ToString(from, Math.Min(random.Next(1, 200), text.Length - from)));
                    break;
                default:
                    text.Replace("\"amount\":", "\"amount\":" + Splices[random.Next(Splices.Length)] + ",\"x\":", 0, text.Length);
                    break;
            }
        }

        return text.ToString();
    }

    private static string Junk(Random random)
    {
        var bytes = new byte[random.Next(0, 2_000)];
        random.NextBytes(bytes);
        return Encoding.Latin1.GetString(bytes);
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static long HeapAfterCollection()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static string Shorten(string body) => body.Length <= 500 ? body : body[..500] + "…";
}

/// <summary>
/// Run alone, after the parallel tests: the fuzz run's memory bound is read from the process's heap, which tests
/// running beside it would move.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class Isolated
{
    public const string Name = "Isolated from parallel tests";
}
