using Microsoft.AspNetCore.SignalR.Client;
using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Text;
using System.Text.Json.Nodes;
using TerritoryGrid.Application.Ingest;

namespace TerritoryGrid.Server.Tests.Api;

/// <summary>Telemetry moves with posted events, and the Prometheus endpoint shows it.</summary>
[Collection(ServerCollection.Name)]
public sealed class TelemetryTests(ServerFixture server)
{
    private const string Workspace = "telemetry";

    [Fact]
    public async Task PostedEvents_MoveTheCounters_ByOutcomeAndReason()
    {
        var counted = new ConcurrentDictionary<string, long>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == IngestTelemetry.MeterName)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var workspace = tags.ToArray().FirstOrDefault(t => t.Key == "workspace").Value as string;
            var reason = tags.ToArray().FirstOrDefault(t => t.Key == "reason").Value as string;
            if (workspace == Workspace)
            {
                counted.AddOrUpdate(instrument.Name + (reason is null ? "" : "/" + reason), value, (_, v) => v + value);
            }
        });
        listener.Start();

        using var client = server.CreateClient();
        var load = await client.PutAsync($"/api/workspaces/{Workspace}/company", new StringContent(TestData.Company().ToJsonString(), Encoding.UTF8, "application/json"));
        Assert.True(load.IsSuccessStatusCode);
        var events = new JsonArray(TestData.Event("t1", "call", "A", 1, "ann"), TestData.Event("t2", "call", "B", 1, "bob"), TestData.Event("t3", "call", "nobody", 1));
        await client.PostAsync($"/api/workspaces/{Workspace}/activity", new StringContent(events.ToJsonString(), Encoding.UTF8, "application/json"));
        await client.PostAsync($"/api/workspaces/{Workspace}/activity", new StringContent(new JsonArray(TestData.Event("t1", "call", "A", 1, "ann")).ToJsonString(), Encoding.UTF8, "application/json"));

        Assert.Equal(2, counted.GetValueOrDefault("territorygrid.events.accepted"));
        Assert.Equal(1, counted.GetValueOrDefault("territorygrid.events.duplicates"));
        Assert.Equal(1, counted.GetValueOrDefault("territorygrid.events.rejected/unknown_account"));

        var scrape = await client.GetStringAsync("/metrics");
        Assert.Contains("territorygrid_events_accepted", scrape);
        Assert.Contains("workspace=\"telemetry\"", scrape);
    }
    [Fact]
    public async Task RollupLag_FramesPushed_AndDashboardClients_AreMeasured()
    {
        var lags = new ConcurrentBag<(double Seconds, string? Target)>();
        var longs = new ConcurrentBag<(string Instrument, long Value, string? Kind)>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == "TerritoryGrid" && instrument.Name.StartsWith("territorygrid.", StringComparison.Ordinal))
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) =>
        {
            if (instrument.Name == "territorygrid.rollup.lag")
            {
                lags.Add((value, tags.ToArray().FirstOrDefault(t => t.Key == "target").Value as string));
            }
        });
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
            longs.Add((instrument.Name, value, tags.ToArray().FirstOrDefault(t => t.Key == "kind").Value as string)));
        listener.Start();

        using var client = server.CreateClient();
        var load = await client.PutAsync($"/api/workspaces/{Workspace}-push/company", new StringContent(TestData.Company().ToJsonString(), Encoding.UTF8, "application/json"));
        Assert.True(load.IsSuccessStatusCode);
        var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(server.Server.BaseAddress, "/hubs/territories"), o =>
            {
                o.HttpMessageHandlerFactory = _ => server.Server.CreateHandler();
                o.Transports = Microsoft.AspNetCore.Http.Connections.HttpTransportType.LongPolling;
                o.AccessTokenProvider = () => Task.FromResult<string?>(TerritoryGrid.Testing.TestKeys.Viewer);
            })
            .Build();
        await hub.StartAsync();
        await client.PostAsync($"/api/workspaces/{Workspace}-push/activity", new StringContent(
            new JsonArray(TestData.Event("p1", "call", "A", 2, "ann")).ToJsonString(), Encoding.UTF8, "application/json"));
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while ((!lags.Any(l => l.Target == "territory") || !longs.Any(m => m.Instrument == "territorygrid.dashboard.frames" && m.Kind == "overview" && m.Value > 0))
               && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        await hub.DisposeAsync();
        await Task.Delay(200);

        Assert.Contains(lags, l => l.Target == "territory" && l.Seconds >= 0 && l.Seconds < 10);
        Assert.Contains(longs, m => m.Instrument == "territorygrid.dashboard.frames" && m.Kind == "overview" && m.Value > 0);
        Assert.Contains(longs, m => m.Instrument == "territorygrid.dashboard.clients" && m.Value == 1);
        Assert.Contains(longs, m => m.Instrument == "territorygrid.dashboard.clients" && m.Value == -1);
    }
}
