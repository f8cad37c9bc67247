using System.Net.Http.Json;
using System.Text.Json.Nodes;
using static TerritoryGrid.Server.Tests.Sync.SyncExports;

namespace TerritoryGrid.Server.Tests.Sync;

/// <summary>A rep who joins in a newer export with a start date after the sync's effective time ramps up from that date.</summary>
[Collection(ServerCollection.Name)]
public sealed class SyncStartDateTests(ServerFixture server)
{
    private const string Workspace = "sync-start-date";
    private static readonly DateTimeOffset PlanStart = DateTimeOffset.Parse("2026-09-01T00:00:00Z");
    private static readonly DateTimeOffset EffectiveAt = PlanStart.AddDays(4);

    private const string Territories = TerritoriesHeader + "east,East,East,\r\n";
    private const string Accounts = AccountsHeader + "A,Alpha,east,ann,Retail,New York,40.8,-73.9,65000,18000\r\n";
    private const string RepsV1 = "rep_id,rep_name,territory_id,role,home_latitude,home_longitude,start_date\r\nann,Ann,east,outside,40.7,-74.0,\r\n";
    private const string RepsV2 = RepsV1 + "dan,Dan,east,inside,40.6,-73.9,2026-09-19\r\n";

    private readonly HttpClient client = server.CreateClient();

    [Fact]
    public async Task A_joining_rep_with_a_later_start_date_adds_no_capacity_before_it_then_ramps_up()
    {
        var load = Form(Territories, RepsV1, Accounts);
        load.Add(new StringContent(PlanStart.ToString("O")), "planStart");
        Assert.True((await client.PutAsync($"/api/workspaces/{Workspace}/company/csv", load)).IsSuccessStatusCode);

        var synced = (await (await client.PostAsync($"/api/workspaces/{Workspace}/company/csv/sync?effectiveAt={EffectiveAt:yyyy-MM-dd}T00:00:00Z",
            Form(Territories, RepsV2, Accounts))).Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.True((int?)synced["total"] == 1, synced.ToJsonString());

        await PostCallAsync("before-start", EffectiveAt.AddDays(7));
        var beforeStart = await CapacityAsync(EffectiveAt.AddDays(7), 30);
        await PostCallAsync("after-start", EffectiveAt.AddDays(20));
        var afterStart = await CapacityAsync(EffectiveAt.AddDays(20), 40);

        // Ann's 30 hours alone until Dan starts on 19 September; then a third of Dan's 30 for the first four weeks.
        Assert.Equal(30, beforeStart);
        Assert.Equal(40, afterStart, 6);
    }

    private async Task PostCallAsync(string id, DateTimeOffset at)
    {
        var call = new JsonObject { ["id"] = id, ["kind"] = "call", ["occurredAt"] = at.AddHours(10), ["accountId"] = "A", ["repId"] = "ann" };
        var posted = (await (await client.PostAsJsonAsync($"/api/workspaces/{Workspace}/activity", new JsonArray(call))).Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(1, (int)posted["accepted"]!);
    }

    /// <summary>East's capacity hours once its watermark has reached <paramref name="at"/> (or the wait ends).</summary>
    private async Task<double> CapacityAsync(DateTimeOffset at, double expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var east = (await client.GetFromJsonAsync<JsonObject>($"/api/workspaces/{Workspace}/territories/east"))!["territory"]!;
            var capacity = (double)east["capacityHours"]!;
            if ((DateTimeOffset.Parse((string)east["watermark"]!) >= at && Math.Abs(capacity - expected) < 1e-6) || DateTime.UtcNow > deadline)
            {
                return capacity;
            }

            await Task.Delay(50);
        }
    }
}
