using System.Buffers;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using TerritoryGrid.Domain.Company;

namespace TerritoryGrid.Benchmarks.Scenarios;

/// <summary>
/// Live activity posted to the real ingest API as fast as it answers, by several concurrent clients, for a set time.
/// With one event per account, every batch holds the same number of events for every territory (a random account of
/// it, in shuffled order), so every territory keeps changing whatever rate the machine reaches. With several events
/// per account (an account being worked: a run of calls and orders), a batch of about 1,000 events holds that many
/// for each of fewer accounts, one per territory, the territories taken in turn so that all keep changing. Batches are
/// written as they are sent: a 10-minute stream is far too large to hold.
/// </summary>
internal sealed class ActivityStream(CompanyDefinition company, HttpClient http, string workspace)
{
    private readonly AccountDefinition[][] accountsByTerritory = company.Territories
        .Select(t => company.Accounts.Where(a => a.TerritoryId == t.Id).ToArray())
        .ToArray();

    private long posted;
    private long accepted;
    private long revenueCents;
    private long failedBatches;

    public long Posted => Interlocked.Read(ref posted);

    public long Accepted => Interlocked.Read(ref accepted);

    public double Revenue => Interlocked.Read(ref revenueCents) / 100.0;

    /// <summary>Batches answered with anything but success, or whose events were not all accepted.</summary>
    public long FailedBatches => Interlocked.Read(ref failedBatches);

    /// <summary>The server's answer to the first failed batch (status and body), to say why in the count check.</summary>
    public string? FirstFailure { get; private set; }

    /// <summary>
    /// Posts until <paramref name="duration"/> has passed, as fast as the server answers or, given
    /// <paramref name="eventsPerSecond"/>, at that rate at most; returns the seconds it took (the last posts included).
    /// </summary>
    public async Task<double> RunAsync(int clients, int eventsPerTerritory, TimeSpan duration, double? eventsPerSecond = null, int eventsPerAccount = 1)
    {
        var watch = Stopwatch.StartNew();
        var perClient = eventsPerSecond / clients;
        await Task.WhenAll(Enumerable.Range(0, clients).Select(client =>
            Task.Run(() => ClientAsync(client, eventsPerTerritory, eventsPerAccount, duration, perClient, watch))));
        return watch.Elapsed.TotalSeconds;
    }

    /// <summary>Events in one batch: one per territory per round with one event per account; about 1,000 otherwise.</summary>
    public int BatchSize(int eventsPerTerritory, int eventsPerAccount) =>
        eventsPerAccount == 1 ? eventsPerTerritory * accountsByTerritory.Length : TerritoriesPerBatch(eventsPerAccount) * eventsPerAccount;

    private int TerritoriesPerBatch(int eventsPerAccount) => Math.Clamp(1_000 / eventsPerAccount, 1, accountsByTerritory.Length);

    private async Task ClientAsync(int client, int eventsPerTerritory, int eventsPerAccount, TimeSpan duration, double? eventsPerSecond, Stopwatch watch)
    {
        var sent = 0L;
        var random = new Random(client + 1);
        var order = Enumerable.Range(0, accountsByTerritory.Length).ToArray();
        var buffer = new ArrayBufferWriter<byte>(256 * 1024);
        var next = 0L;
        var turn = 0;
        while (watch.Elapsed < duration)
        {
            if (eventsPerSecond is { } rate && TimeSpan.FromSeconds(sent / rate) - watch.Elapsed is { Ticks: > 0 } early)
            {
                await Task.Delay(early);
            }

            buffer.ResetWrittenCount();
            int count;
            long cents;
            if (eventsPerAccount == 1)
            {
                random.Shuffle(order);
                (count, cents) = Write(buffer, client, ref next, order, eventsPerTerritory, 1, random);
            }
            else
            {
                var take = TerritoriesPerBatch(eventsPerAccount);
                if (turn + take > order.Length)
                {
                    turn = 0;
                    random.Shuffle(order);
                }

                (count, cents) = Write(buffer, client, ref next, order.AsSpan(turn, take).ToArray(), 1, eventsPerAccount, random);
                turn += take;
            }

            using var content = new ReadOnlyMemoryContent(buffer.WrittenMemory);
            content.Headers.ContentType = new("application/json");
            using var response = await http.PostAsync($"/api/workspaces/{workspace}/activity", content);
            var result = response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<JsonObject>() : null;
            var taken = (int?)result?["accepted"] ?? 0;
            sent += count;
            Interlocked.Add(ref posted, count);
            Interlocked.Add(ref accepted, taken);
            // Revenue counts only once the batch is in, so the server's total can be compared with it exactly.
            if (taken == count)
            {
                Interlocked.Add(ref revenueCents, cents);
            }
            else
            {
                if (Interlocked.Increment(ref failedBatches) == 1)
                {
                    var body = result?.ToJsonString() ?? await response.Content.ReadAsStringAsync();
                    FirstFailure = $"HTTP {(int)response.StatusCode}: {body[..Math.Min(body.Length, 2_000)]}";
                }

            }
        }
    }

    private (int Count, long Cents) Write(
        ArrayBufferWriter<byte> buffer, int client, ref long next, int[] order, int eventsPerTerritory, int eventsPerAccount, Random random)
    {
        using var json = new Utf8JsonWriter(buffer);
        // Event time is now: a live stream, today's figures only (nothing already recorded is revised).
        var now = DateTimeOffset.UtcNow;
        var count = 0;
        var cents = 0L;
        json.WriteStartArray();
        for (var round = 0; round < eventsPerTerritory; round++)
        {
            foreach (var territory in order)
            {
                var accounts = accountsByTerritory[territory];
                var account = accounts[random.Next(accounts.Length)];
                for (var e = 0; e < eventsPerAccount; e++)
                {
                    var isOrder = random.NextDouble() < 0.3;
                    var amountCents = isOrder ? random.Next(100_000) : 0;
                    json.WriteStartObject();
                    json.WriteString("id", $"dash-{client}-{next++}");
                    json.WriteString("kind", isOrder ? "order" : "call");
                    json.WriteString("occurredAt", now);
                    json.WriteString("accountId", account.Id);
                    json.WriteString("repId", account.OwnerRepId);
                    json.WriteNumber("amount", amountCents / 100m);
                    json.WriteEndObject();
                    count++;
                    cents += amountCents;
                }
            }
        }

        json.WriteEndArray();
        return (count, cents);
    }
}
