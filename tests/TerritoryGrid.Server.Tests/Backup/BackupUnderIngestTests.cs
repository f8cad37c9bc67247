using System.Net.Http.Json;
using System.Text.Json.Nodes;
using TerritoryGrid.Testing;
using static TerritoryGrid.Server.Tests.Backup.BackupScenario;
using static TerritoryGrid.Server.Tests.Plans.PlanCompany;

namespace TerritoryGrid.Server.Tests.Backup;

/// <summary>
/// A backup taken while clients keep posting: restored, with a durable log (grain states, then the log records after
/// them replayed) or without one (the records applied through the accounts), every event of the backup's log is
/// counted exactly once, and every event acknowledged before the backup started is among them.
/// </summary>
public sealed class BackupUnderIngestTests(BackupServers servers) : IClassFixture<BackupServers>
{
    private const string Workspace = "under-load";
    private const int Clients = 3;
    private const int BatchSize = 200;

    [Fact]
    public async Task BackupDuringIngest_RestoredOnEitherStore_CountsEveryLoggedEventOnce()
    {
        using var admin = servers.Embedded.CreateClient();
        await LoadAsync(admin, Workspace);
        var acknowledged = 0;
        var started = 0;
        using var stop = new CancellationTokenSource();
        var posting = Enumerable.Range(0, Clients).Select(c => Task.Run(async () =>
        {
            using var ingest = Client(servers.Embedded, TestKeys.Ingest);
            for (var batch = 0; !stop.IsCancellationRequested; batch++)
            {
                Interlocked.Add(ref started, BatchSize);
                var response = await ingest.PostAsJsonAsync($"/api/workspaces/{Workspace}/activity", Batch(c, batch));
                var result = await response.Content.ReadFromJsonAsync<JsonObject>();
                Assert.True(response.IsSuccessStatusCode && (int)result!["accepted"]! == BatchSize, result?.ToJsonString());
                Interlocked.Add(ref acknowledged, BatchSize);
            }
        })).ToList();

        await Task.Delay(TimeSpan.FromSeconds(1));
        var acknowledgedBefore = Volatile.Read(ref acknowledged);
        var file = await BackupAsync(admin, Workspace);
        var startedByTheEnd = Volatile.Read(ref started);
        await Task.Delay(TimeSpan.FromMilliseconds(300));
        await stop.CancelAsync();
        await Task.WhenAll(posting);

        foreach (var target in new TestServer[] { servers.OtherEmbedded, servers.InMemory })
        {
            using var client = target.CreateClient();
            var restored = await RestoreAsync(client, Workspace, file);
            var result = await restored.Content.ReadFromJsonAsync<JsonObject>();
            Assert.True(restored.IsSuccessStatusCode, result?.ToJsonString());
            var logged = (long)result!["counts"]!["logEvents"]!;
            var territories = await client.GetFromJsonAsync<JsonObject>($"/api/workspaces/{Workspace}/territories");
            var counted = territories!["territories"]!.AsArray().Sum(t => (long)t!["totals"]!["events"]!);
            var byReps = 0L;
            for (var t = 0; t < Territories; t++)
            {
                for (var r = 0; r < 2; r++)
                {
                    byReps += (long)(await client.GetFromJsonAsync<JsonObject>($"/api/workspaces/{Workspace}/reps/{Rep(t, r)}"))!["rep"]!["totals"]!["events"]!;
                }
            }

            Assert.True(acknowledgedBefore > 0 && acknowledgedBefore <= logged && logged <= startedByTheEnd,
                $"acknowledged before the backup {acknowledgedBefore}, in its log {logged}, posted by its end {startedByTheEnd}");
            var store = target == servers.OtherEmbedded ? "embedded" : "in-memory";
            Assert.True(logged == counted, $"{store}: {logged} events in the backup's log, {counted} counted by the territories");
            Assert.True(logged == byReps, $"{store}: {logged} events in the backup's log, {byReps} counted by the reps");
            Assert.Equal((bool)result["logImported"]!, target == servers.OtherEmbedded);
        }
    }

    /// <summary>Orders on random accounts over the first 40 days, credited to the account's first rep; ids unique per client and batch.</summary>
    private static JsonArray Batch(int client, int batch)
    {
        var random = new Random((client * 100_000) + batch);
        return new JsonArray([.. Enumerable.Range(0, BatchSize).Select(i =>
        {
            var (t, a) = (random.Next(Territories), random.Next(AccountsPerTerritory));
            return (JsonNode)new JsonObject
            {
                ["id"] = $"c{client}-b{batch}-{i}", ["kind"] = "order", ["occurredAt"] = PlanStart.AddDays(random.NextDouble() * 40).ToString("O"),
                ["accountId"] = Account(t, a), ["repId"] = Rep(t, 0), ["amount"] = (double)random.Next(1, 1_000),
            };
        })]);
    }
}
