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
}
