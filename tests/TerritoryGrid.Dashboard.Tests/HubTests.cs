using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.SignalR.Client;
using TerritoryGrid.Testing;

namespace TerritoryGrid.Dashboard.Tests;

/// <summary>The hub as a .NET client sees it: groups, coalesced frames, and a resync after reconnecting.</summary>
[Collection(DashboardCollection.Name)]
public sealed class HubTests(DashboardServer server)
{
    private async Task<HubConnection> ConnectAsync()
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(server.Address, "/hubs/territories"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(TestKeys.Viewer))
            .Build();
        await connection.StartAsync();
        return connection;
    }

    [Fact]
    public async Task Connecting_WithoutAKey_IsRefused()
    {
        await using var anonymous = new HubConnectionBuilder().WithUrl(new Uri(server.Address, "/hubs/territories")).Build();
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => anonymous.StartAsync());
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task Connecting_WithAnIngestKey_IsForbidden()
    {
        await using var ingest = new HubConnectionBuilder()
            .WithUrl(new Uri(server.Address, "/hubs/territories"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(TestKeys.Ingest))
            .Build();
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => ingest.StartAsync());
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task ScopedViewer_GetsOverviewFramesOfItsTerritoriesOnly_AndCannotJoinAnother()
    {
        const string workspace = "hub-scoped";
        await Scenario.LoadAsync(server.Http, workspace, Scenario.Company());
        await using var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(server.Address, "/hubs/territories"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(TestKeys.ScopedViewer))
            .Build();
        var seen = new ConcurrentBag<string>();
        connection.On<JsonElement>("overview", frame =>
        {
            foreach (var territory in frame.GetProperty("territories").EnumerateArray())
            {
                seen.Add(territory.GetProperty("id").GetString()!);
            }
        });
        await connection.StartAsync();
        await connection.InvokeAsync("SubscribeOverview", workspace);
        await using var everything = await ConnectAsync();
        var seenByAll = new ConcurrentBag<string>();
        everything.On<JsonElement>("overview", frame =>
        {
            foreach (var territory in frame.GetProperty("territories").EnumerateArray())
            {
                seenByAll.Add(territory.GetProperty("id").GetString()!);
            }
        });
        await everything.InvokeAsync("SubscribeOverview", workspace);

        await Scenario.PostAsync(server.Http, workspace, Scenario.Served());
        await Scenario.PostAsync(server.Http, workspace, Scenario.SouthCalls());
        await WithinAsync(() => seenByAll.Contains("south") && seenByAll.Contains("north"), done => done);
        await Task.Delay(300);

        Assert.Contains("south", seenByAll);
        Assert.Contains("north", seen);
        Assert.DoesNotContain("south", seen);
        var refused = await Assert.ThrowsAsync<Microsoft.AspNetCore.SignalR.HubException>(() => connection.InvokeAsync("SubscribeTerritory", workspace, "south"));
        Assert.Contains("territory 'south' is outside what this key may see", refused.Message);
    }

    private static async Task QuietAsync(ConcurrentQueue<JsonElement> frames, TimeSpan quiet)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        var count = frames.Count;
        var since = DateTime.UtcNow;
        while (DateTime.UtcNow - since < quiet)
        {
            Assert.True(DateTime.UtcNow < deadline, "frames kept coming for 30 s");
            await Task.Delay(100);
            if (frames.Count != count)
            {
                (count, since) = (frames.Count, DateTime.UtcNow);
            }
        }
    }

    private static async Task<T> WithinAsync<T>(Func<T> read, Func<T, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!done(read()) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        return read();
    }

    [Fact]
    public async Task SubscribeTerritory_ReceivesOnlyThatTerritorysFrames()
    {
        const string workspace = "hub-groups";
        await Scenario.LoadAsync(server.Http, workspace, Scenario.Company());
        await using var connection = await ConnectAsync();
        var frames = new ConcurrentBag<string>();
        connection.On<JsonElement>("territory", frame => frames.Add(frame.GetProperty("territory").GetProperty("id").GetString()!));
        connection.On<JsonElement>("overview", _ => frames.Add("overview"));
        await connection.InvokeAsync("SubscribeTerritory", workspace, "south");

        await Scenario.PostAsync(server.Http, workspace, Scenario.Served());
        await Scenario.PostAsync(server.Http, workspace, new JsonArray(
            new JsonObject { ["id"] = "s-call", ["kind"] = "call", ["accountId"] = "s1", ["repId"] = "sam", ["occurredAt"] = Scenario.Today.AddDays(-3).ToString("O") }));

        var received = await WithinAsync(() => frames.ToArray(), f => f.Contains("south"));
        await Task.Delay(600);
        Assert.Contains("south", received);
        Assert.DoesNotContain("north", frames);
        Assert.DoesNotContain("overview", frames);
    }

    [Fact]
    public async Task ManyBatches_AreCoalescedIntoFewFramesWithExactFinalNumbers()
    {
        const string workspace = "hub-coalesce";
        await Scenario.LoadAsync(server.Http, workspace, Scenario.Company());
        await using var connection = await ConnectAsync();
        var frames = new ConcurrentQueue<JsonElement>();
        connection.On<JsonElement>("overview", frame => frames.Enqueue(frame.Clone()));
        await connection.InvokeAsync("SubscribeOverview", workspace);

        const int batches = 40;
        for (var b = 0; b < batches; b++)
        {
            await Scenario.PostAsync(server.Http, workspace, new JsonArray([.. Enumerable.Range(0, 10).Select(i => (JsonNode)new JsonObject
            {
                ["id"] = $"o-{b}-{i}", ["kind"] = "order", ["accountId"] = $"n{(b + i) % 40:D2}", ["repId"] = "nora", ["amount"] = 10.0,
                ["occurredAt"] = Scenario.Today.AddDays(-5).AddMinutes(b * 10 + i).ToString("O"),
            })]));
        }

        double LatestNorthRevenue() => frames.SelectMany(f => f.GetProperty("territories").EnumerateArray())
            .Where(t => t.GetProperty("id").GetString() == "north")
            .Select(t => t.GetProperty("revenue").GetDouble()).LastOrDefault();
        var revenue = await WithinAsync(LatestNorthRevenue, r => r == batches * 10 * 10.0);

        Assert.Equal(4000, revenue);
        Assert.True(frames.Count < batches / 2, $"{batches} batches produced {frames.Count} overview frames");
    }

    [Fact]
    public async Task OverviewFrames_CarryWhatTheOverviewShows_AndACoverageTrendOnlyWhenItChanged()
    {
        const string workspace = "hub-overview";
        await Scenario.LoadAsync(server.Http, workspace, Scenario.Company());
        await using var connection = await ConnectAsync();
        var frames = new ConcurrentQueue<JsonElement>();
        connection.On<JsonElement>("overview", frame => frames.Enqueue(frame.Clone()));
        await connection.InvokeAsync("SubscribeOverview", workspace);
        JsonElement[] NorthIn() => [.. frames.SelectMany(f => f.GetProperty("territories").EnumerateArray()).Where(t => t.GetProperty("id").GetString() == "north")];

        await Scenario.PostAsync(server.Http, workspace, Scenario.Served());
        var first = (await WithinAsync(NorthIn, north => north.Any(t => t.GetProperty("events").GetInt64() == 40))).Last();

        Assert.Equal(
            ["id", "name", "region", "watermark", "status", "statusReason", "statusSince", "coverage", "adherence", "demandHours",
             "capacityHours", "revenue", "netProfit", "conversionRate", "events", "coverageTrend"],
            first.EnumerateObject().Select(p => p.Name));
        Assert.Equal("balanced", first.GetProperty("status").GetString());
        Assert.Equal(1.2, first.GetProperty("coverage").GetDouble(), 2);
        Assert.NotEqual(0, first.GetProperty("coverageTrend").GetArrayLength());

        // An order the same event day as the last call: no day closes and coverage stands, so the trend is not sent again.
        await Scenario.PostAsync(server.Http, workspace, Scenario.Order("same-day-order", "n14", "nora", Scenario.Today.AddDays(-6).AddHours(11), 25));
        var later = (await WithinAsync(NorthIn, north => north.Any(t => t.GetProperty("revenue").GetDouble() == 25))).Last();

        Assert.Equal(0, later.GetProperty("coverageTrend").GetArrayLength());
        Assert.Contains(frames, f => f.GetProperty("trendUnchanged").EnumerateArray().Any(id => id.GetString() == "north")
            && f.GetProperty("territories").EnumerateArray().Any(t => t.GetProperty("id").GetString() == "north" && t.GetProperty("revenue").GetDouble() == 25));
    }

    [Fact]
    public async Task Reconnect_ThenRereadingTheSnapshot_ShowsWhatChangedWhileAway()
    {
        const string workspace = "hub-resync";
        await Scenario.LoadAsync(server.Http, workspace, Scenario.Company());
        var connection = await ConnectAsync();
        var frames = new ConcurrentBag<JsonElement>();
        connection.On<JsonElement>("overview", frame => frames.Add(frame.Clone()));
        await connection.InvokeAsync("SubscribeOverview", workspace);
        await using var watcher = await ConnectAsync();
        var watched = new ConcurrentQueue<JsonElement>();
        watcher.On<JsonElement>("overview", frame => watched.Enqueue(frame.Clone()));
        await watcher.InvokeAsync("SubscribeOverview", workspace);
        await connection.StopAsync();
        frames.Clear(); // the company's own load may have been pushed before the stop; only what comes after counts

        await Scenario.PostAsync(server.Http, workspace, Scenario.Served());
        // Status changes are announced only once settled (500 ms by default), a frame or more after the numbers; on a
        // loaded machine a fixed pause can end before them. Reconnect once a client that stayed connected has seen the
        // numbers and then no frame at all for well over the settling delay.
        bool NorthCounted(JsonElement[] seen) => seen.Any(f => f.GetProperty("territories").EnumerateArray()
            .Any(t => t.GetProperty("id").GetString() == "north" && t.GetProperty("events").GetInt64() == 40));
        Assert.True(NorthCounted(await WithinAsync(() => watched.ToArray(), NorthCounted)), "no frame showed the posted batch");
        await QuietAsync(watched, TimeSpan.FromSeconds(2));
        await connection.StartAsync();
        await connection.InvokeAsync("SubscribeOverview", workspace);
        var snapshot = await server.Http.GetFromJsonAsync<JsonObject>($"/api/workspaces/{workspace}/territories/north");

        Assert.Empty(frames);
        Assert.Equal(40, (int)snapshot!["territory"]!["totals"]!["conversations"]!);
        await connection.DisposeAsync();
    }
}
