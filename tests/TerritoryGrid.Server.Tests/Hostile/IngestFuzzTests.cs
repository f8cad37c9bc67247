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
    private const int Iterations = 1_500;
    private const string Workspace = "fuzz";

    [Fact]
    public async Task MutatedAndRandomBatches_NeverGetA5xx_AndMemoryStaysBounded()
    {
        await using var server = new Fuzzing.Server();
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
            Assert.True(status < 500, $"iteration {i}: {status} {await response.Content.ReadAsStringAsync()}\nbody: {Fuzzing.Shorten(body)}");
            if (i == 100)
            {
                baseline = Fuzzing.HeapAfterCollection();
            }
        }

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/workspaces/{Workspace}/territories")).StatusCode);
        var growth = Fuzzing.HeapAfterCollection() - baseline!.Value;
        Assert.True(growth < 64 * 1024 * 1024, $"heap grew {growth / 1024 / 1024} MB over {Iterations - 100} hostile batches");
        Assert.True(statuses.Keys.Count > 1, "the fuzzer only ever got one status: it is not exploring");
    }

    private static string ValidBatch(Random random, int iteration)
    {
        var events = Enumerable.Range(0, random.Next(1, 6)).Select(n =>
            $$"""{"id":"f{{iteration}}-{{n}}","kind":"{{(random.Next(2) == 0 ? "call" : "order")}}","occurredAt":"2026-09-{{random.Next(2, 28):D2}}T10:00:00Z","accountId":"{{"ABC"[random.Next(3)]}}","repId":"ann","amount":{{random.Next(1, 1000)}}}""");
        return "[" + string.Join(",", events) + "]";
    }

    /// <summary>The shared mutations, and sometimes a hostile value spliced in as an event's amount.</summary>
    private static string Mutate(string body, Random random) =>
        random.Next(5) == 0
            ? body.Replace("\"amount\":", "\"amount\":" + Fuzzing.JsonSplices[random.Next(Fuzzing.JsonSplices.Length)] + ",\"x\":", StringComparison.Ordinal)
            : Fuzzing.Mutate(body, random, Fuzzing.JsonSplices);

    private static string Junk(Random random) => Encoding.Latin1.GetString(Fuzzing.RandomBytes(random, 2_000));

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
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
