using System.Net.Http.Json;
using System.Text.Json.Nodes;
using TerritoryGrid.Application.Hosting;
using TerritoryGrid.Durability.Tests.Cluster;

namespace TerritoryGrid.Durability.Tests.Backup;

/// <summary>
/// The backup file does not depend on the store: a workspace backed up from an embedded server (SQLite) and restored
/// into a cluster silo on PostgreSQL answers as it did, and survives the cluster's restart.
/// </summary>
public sealed class EmbeddedToClusterBackupTests : IDisposable
{
    private readonly string dataDirectory = Directory.CreateTempSubdirectory("territorygrid-").FullName;

    [Fact]
    public async Task EmbeddedBackup_RestoredIntoAPostgresCluster_GivesIdenticalAnswers_AlsoAfterItsRestart()
    {
        await using var postgres = await PostgresServer.StartAsync();
        SortedDictionary<string, string> before;
        byte[] file;
        await using (var embedded = await ServerProcess.StartAsync(new Dictionary<string, string>
        {
            ["Storage__DataDirectory"] = dataDirectory,
            ["Orleans__SiloPort"] = FreeLoopbackPort.Next().ToString(),
            ["Orleans__GatewayPort"] = FreeLoopbackPort.Next().ToString(),
        }))
        {
            using var client = TestKeys.Client(embedded.Address);
            var load = await client.PutAsJsonAsync("/api/workspaces/live/company", Company.Create(territories: 3, accountsPerTerritory: 30));
            Assert.True(load.IsSuccessStatusCode, await load.Content.ReadAsStringAsync());
            for (var batch = 0; batch < 10; batch++)
            {
                Assert.True((await client.PostAsJsonAsync("/api/workspaces/live/activity", Company.Orders(batch, count: 50))).IsSuccessStatusCode);
            }

            before = await SettledAnswersAsync(client);
            var backup = await client.GetAsync("/api/workspaces/live/backup");
            Assert.True(backup.IsSuccessStatusCode, await backup.Content.ReadAsStringAsync());
            file = await backup.Content.ReadAsByteArrayAsync();
        }

        var silo = ClusterSettings(postgres.ConnectionString);
        await using (var cluster = await ServerProcess.StartAsync(silo))
        {
            using var client = TestKeys.Client(cluster.Address);
            var content = new ByteArrayContent(file);
            content.Headers.ContentType = new("application/zip");
            var restored = await client.PostAsync("/api/workspaces/live/restore", content);
            Assert.True(restored.IsSuccessStatusCode, await restored.Content.ReadAsStringAsync() + cluster.Output);
            AssertSame(before, await AnswersAsync(client));
        }

        await using var restarted = await ServerProcess.StartAsync(silo);
        using var afterRestart = TestKeys.Client(restarted.Address);
        AssertSame(before, await SettledAnswersAsync(afterRestart));
    }

    public void Dispose() => Directory.Delete(dataDirectory, recursive: true);

    /// <summary>One cluster silo on <paramref name="postgres"/>, by the names docker-compose.yml uses (no Redis: one front end).</summary>
    private static Dictionary<string, string> ClusterSettings(string postgres) => new()
    {
        ["Storage__Provider"] = "Postgres",
        ["ConnectionStrings__Postgres"] = postgres,
        ["Orleans__ClusterId"] = "restored",
        ["Orleans__AdvertisedAddress"] = "127.0.0.1",
        ["Orleans__SiloPort"] = FreeLoopbackPort.Next().ToString(),
        ["Orleans__GatewayPort"] = FreeLoopbackPort.Next().ToString(),
    };

    /// <summary>The workspace, its territories (list and each, with status history), reps and every account.</summary>
    private static async Task<SortedDictionary<string, string>> AnswersAsync(HttpClient client)
    {
        var paths = new List<string> { "/", "/territories", "/company", "/export/accounts.csv", "/alerts/acknowledged", "/plans/" };
        for (var t = 0; t < 3; t++)
        {
            paths.Add($"/territories/t{t}");
            paths.Add($"/reps/r{t}");
            paths.Add($"/accounts/t{t}-a{t * 7}");
        }

        var answers = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            var response = await client.GetAsync("/api/workspaces/live" + path);
            answers[path] = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
        }

        return answers;
    }

    /// <summary>The answers once two reads 1.5 s apart agree (roll-ups are coalesced; a restart recovers in the background).</summary>
    private static async Task<SortedDictionary<string, string>> SettledAnswersAsync(HttpClient client)
    {
        var previous = await AnswersAsync(client);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            await Task.Delay(TimeSpan.FromSeconds(1.5));
            var current = await AnswersAsync(client);
            if (current.SequenceEqual(previous) || DateTime.UtcNow > deadline)
            {
                return current;
            }

            previous = current;
        }
    }

    private static void AssertSame(SortedDictionary<string, string> expected, SortedDictionary<string, string> actual)
    {
        Assert.Equal(expected.Keys, actual.Keys);
        foreach (var (path, answer) in expected)
        {
            Assert.True(answer == actual[path], $"{path} differs after the restore:\nbefore: {answer}\nafter:  {actual[path]}");
        }
    }
}
