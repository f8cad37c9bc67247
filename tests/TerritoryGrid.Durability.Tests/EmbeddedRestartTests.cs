using System.Net.Http.Json;
using System.Text.Json.Nodes;
using TerritoryGrid.Application.Hosting;

namespace TerritoryGrid.Durability.Tests;

/// <summary>The embedded default (SQLite under a data directory) keeps the company and every acknowledged event.</summary>
public sealed class EmbeddedRestartTests : IDisposable
{
    private readonly string dataDirectory = Directory.CreateTempSubdirectory("territorygrid-").FullName;

    private Dictionary<string, string> Settings(int siloPort, int gatewayPort) => new()
    {
        ["Storage__DataDirectory"] = dataDirectory,
        ["Orleans__SiloPort"] = siloPort.ToString(),
        ["Orleans__GatewayPort"] = gatewayPort.ToString(),
    };

    [Fact]
    public async Task KillNineThenRestart_EveryAcknowledgedEventIsCountedOnce()
    {
        var settings = Settings(FreeLoopbackPort.Next(), FreeLoopbackPort.Next());
        var accepted = 0;
        double revenue = 0;
        JsonArray before;
        await using (var first = await ServerProcess.StartAsync(settings))
        {
            using var client = TestKeys.Client(first.Address);
            var load = await client.PutAsJsonAsync("/api/workspaces/live/company", Company.Create(territories: 3, accountsPerTerritory: 30));
            Assert.True(load.IsSuccessStatusCode, await load.Content.ReadAsStringAsync());
            for (var batch = 0; batch < 10; batch++)
            {
                var events = Company.Orders(batch, count: 50);
                var result = await (await client.PostAsJsonAsync("/api/workspaces/live/activity", events)).Content.ReadFromJsonAsync<JsonObject>();
                accepted += (int)result!["accepted"]!;
                revenue += events.Sum(e => (double)e!["amount"]!);
            }

            before = await WaitForAsync(client, t => t.Sum(x => (int)x!["totals"]!["events"]!) == accepted);
            await first.KillAsync();
        }

        await using var second = await ServerProcess.StartAsync(settings);
        using var restarted = TestKeys.Client(second.Address);
        // Once the server says it is ready, its very first read counts every acknowledged event.
        await WaitUntilReadyAsync(restarted);
        var firstListing = (await restarted.GetFromJsonAsync<JsonObject>("/api/workspaces/live/territories"))!;
        var firstRead = firstListing["territories"]!.AsArray();
        Assert.Equal(accepted, firstRead.Sum(t => (int)t!["totals"]!["events"]!));
        Assert.False((bool)firstListing["recovering"]!);
        var after = await WaitForAsync(restarted, t => t.Sum(x => (int)x!["totals"]!["events"]!) == accepted);
        var retry = await (await restarted.PostAsJsonAsync("/api/workspaces/live/activity", Company.Orders(3, count: 50))).Content.ReadFromJsonAsync<JsonObject>();

        Assert.Equal(500, accepted);
        Assert.Equal(accepted, after.Sum(t => (int)t!["totals"]!["events"]!));
        Assert.Equal(revenue, after.Sum(t => (double)t!["totals"]!["revenue"]!), 6);
        Assert.Equal(Summary(before), Summary(after));
        Assert.Equal((0, 50), ((int)retry!["accepted"]!, (int)retry["duplicates"]!));
    }

    [Fact]
    public async Task GracefulStopThenStart_KeepsTheCompanyAndMetrics()
    {
        var settings = Settings(FreeLoopbackPort.Next(), FreeLoopbackPort.Next());
        JsonArray before;
        await using (var first = await ServerProcess.StartAsync(settings))
        {
            using var client = TestKeys.Client(first.Address);
            await client.PutAsJsonAsync("/api/workspaces/live/company", Company.Create(territories: 2, accountsPerTerritory: 10));
            await client.PostAsJsonAsync("/api/workspaces/live/activity", Company.Orders(0, count: 20));
            before = await WaitForAsync(client, t => t.Sum(x => (int)x!["totals"]!["events"]!) == 20);
        }

        await using var second = await ServerProcess.StartAsync(settings);
        using var restarted = TestKeys.Client(second.Address);
        var after = await WaitForAsync(restarted, t => t.Sum(x => (int)x!["totals"]!["events"]!) == 20);

        Assert.Equal(Summary(before), Summary(after));
    }

    public void Dispose() => Directory.Delete(dataDirectory, recursive: true);

    /// <summary>Figures to 6 decimals: sums taken in another order after a restart differ in the last bits.</summary>
    private static string Summary(JsonArray territories) => string.Join(";", territories.Select(t =>
        $"{t!["id"]} {t["status"]} {t["totals"]!["events"]} {Round(t["totals"]!["revenue"])} {Round(t["demandHours"])} {Round(t["adherence"])}"));

    private static string Round(JsonNode? value) => Math.Round((double)value!, 6).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static async Task WaitUntilReadyAsync(HttpClient client)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var ready = await client.GetAsync("/health/ready");
            if (ready.IsSuccessStatusCode)
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"not ready after 60 s: {await ready.Content.ReadAsStringAsync()}");
            await Task.Delay(100);
        }
    }

    private static async Task<JsonArray> WaitForAsync(HttpClient client, Func<JsonArray, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var response = await client.GetAsync("/api/workspaces/live/territories");
            if (response.IsSuccessStatusCode)
            {
                var territories = (await response.Content.ReadFromJsonAsync<JsonObject>())!["territories"]!.AsArray();
                if (done(territories) || DateTime.UtcNow > deadline)
                {
                    return territories;
                }
            }
            else if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException(await response.Content.ReadAsStringAsync());
            }

            await Task.Delay(50);
        }
    }
}
