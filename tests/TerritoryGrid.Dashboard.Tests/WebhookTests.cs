using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Hosting;
using TerritoryGrid.Application.Hosting;
using TerritoryGrid.Testing;

namespace TerritoryGrid.Dashboard.Tests;

/// <summary>Status changes reach a webhook, signed, retried on failure, once each; a hanging receiver never slows ingest.</summary>
public sealed class WebhookTests
{
    private const string Secret = "webhook-test-secret";

    private sealed class AlertingServer(string hook) : TestServer
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Alerts:WebhookUrl", hook);
            builder.UseSetting("Alerts:Secret", Secret);
            builder.UseSetting("Alerts:PublicUrl", "https://territorygrid.example");
            builder.UseSetting("Alerts:FirstRetryDelay", "00:00:00.200");
        }
    }

    /// <summary>A local HTTP receiver: answers 500 to the first <paramref name="failFirst"/> requests, or never answers.</summary>
    private sealed class Receiver : IDisposable
    {
        private readonly HttpListener listener = new();
        private readonly CancellationTokenSource stop = new();

        public Receiver(int failFirst = 0, bool hang = false)
        {
            Port = FreeLoopbackPort.Next();
            listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
            listener.Start();
            _ = Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    var context = await listener.GetContextAsync();
                    using var reader = new StreamReader(context.Request.InputStream);
                    var body = await reader.ReadToEndAsync();
                    Requests.Enqueue((body, context.Request.Headers["X-TerritoryGrid-Signature"], context.Request.Headers["X-TerritoryGrid-Delivery"]));
                    if (hang)
                    {
                        continue;
                    }

                    context.Response.StatusCode = Requests.Count <= failFirst ? 500 : 204;
                    context.Response.Close();
                }
            });
        }

        public int Port { get; }

        public ConcurrentQueue<(string Body, string? Signature, string? Delivery)> Requests { get; } = new();

        public void Dispose()
        {
            stop.Cancel();
            listener.Close();
        }
    }

    [Fact]
    public async Task EveryStatusChange_IsSentOnce_Signed_AndAFailedDeliveryIsRetried()
    {
        using var receiver = new Receiver(failFirst: 1);
        await using var server = new AlertingServer($"http://127.0.0.1:{receiver.Port}/hook");
        using var http = server.CreateClient();
        const string workspace = "hook";
        await Scenario.LoadAsync(http, workspace, Scenario.Company());
        await Scenario.PostAsync(http, workspace, Scenario.Served());
        await Scenario.PostAsync(http, workspace, Scenario.LeadWave());

        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!receiver.Requests.Any(r => r.Body.Contains("coverage 0.35")))
        {
            Assert.True(DateTime.UtcNow < deadline, $"webhook got {receiver.Requests.Count} requests");
            await Task.Delay(100);
        }

        await Task.Delay(1_000);
        var requests = receiver.Requests.ToList();
        var log = string.Join("\n", requests.Select(r => $"{r.Delivery} {r.Body}"));
        foreach (var (body, signature, _) in requests)
        {
            var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes(body)));
            Assert.Equal(expected, signature);
        }

        // The first delivery met a 500 and was sent again with the same id; every status change is delivered once.
        var deliveries = requests.GroupBy(r => r.Delivery).ToList();
        Assert.True(deliveries[0].Count() == 2 && deliveries.Skip(1).All(d => d.Count() == 1), log);
        var changes = deliveries.Select(d => JsonNode.Parse(d.First().Body)!).ToList();
        Assert.True(changes.Select(c => $"{c["territoryId"]} {c["from"]} {c["to"]} {c["at"]}").Distinct().Count() == changes.Count, log);

        var flip = changes.Single(c => ((string)c["reason"]!).StartsWith("coverage 0.35 < 0.90", StringComparison.Ordinal));
        Assert.Equal("north", (string)flip["territoryId"]!);
        Assert.Equal(("balanced", "underServed"), ((string)flip["from"]!, (string)flip["to"]!));
        Assert.Equal("https://territorygrid.example/?workspace=hook&territory=north", (string)flip["link"]!);
    }

    [Fact]
    public async Task AnAcknowledgedStatus_IsNotNotifiedAgain_UntilTheStatusChanges()
    {
        using var receiver = new Receiver();
        await using var server = new AlertingServer($"http://127.0.0.1:{receiver.Port}/hook");
        using var http = server.CreateClient();
        const string workspace = "hook-ack";
        await Scenario.LoadAsync(http, workspace, Scenario.Company());
        await Scenario.PostAsync(http, workspace, Scenario.Served());
        await Scenario.PostAsync(http, workspace, Scenario.LeadWave());
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while ((string)(await http.GetFromJsonAsync<JsonObject>($"/api/workspaces/{workspace}/territories/north"))!["territory"]!["status"]! != "underServed")
        {
            Assert.True(DateTime.UtcNow < deadline, "north never turned under-served");
            await Task.Delay(100);
        }

        var acknowledged = await (await http.PostAsync($"/api/workspaces/{workspace}/alerts/north/acknowledge", null)).Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal(("north", "underServed", "test admin"), ((string)acknowledged!["territoryId"]!, (string)acknowledged["status"]!, (string)acknowledged["by"]!));

        // A revision re-announcing the acknowledged status, then real changes away from it and back.
        var notifier = server.Services.GetRequiredService<TerritoryGrid.Server.Alerts.WebhookNotifier>();
        var at = DateTimeOffset.UtcNow.Date;
        notifier.StatusChanged(workspace, new(
            "north", at, TerritoryGrid.Domain.Coverage.ServiceStatus.Balanced, TerritoryGrid.Domain.Coverage.ServiceStatus.UnderServed, "revised-same"));
        notifier.StatusChanged(workspace, new(
            "north", at, TerritoryGrid.Domain.Coverage.ServiceStatus.UnderServed, TerritoryGrid.Domain.Coverage.ServiceStatus.Balanced, "recovered"));
        notifier.StatusChanged(workspace, new(
            "north", at, TerritoryGrid.Domain.Coverage.ServiceStatus.Balanced, TerritoryGrid.Domain.Coverage.ServiceStatus.UnderServed, "starved-again"));
        deadline = DateTime.UtcNow.AddSeconds(10);
        while (!receiver.Requests.Any(r => r.Body.Contains("starved-again")) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.DoesNotContain(receiver.Requests, r => r.Body.Contains("revised-same"));
        Assert.Contains(receiver.Requests, r => r.Body.Contains("recovered"));
        Assert.Contains(receiver.Requests, r => r.Body.Contains("starved-again"));
    }

    [Fact]
    public async Task AHangingReceiver_DoesNotSlowIngest()
    {
        using var receiver = new Receiver(hang: true);
        await using var server = new AlertingServer($"http://127.0.0.1:{receiver.Port}/hook");
        using var http = server.CreateClient();
        const string workspace = "hook-hang";
        await Scenario.LoadAsync(http, workspace, Scenario.Company());
        await Scenario.PostAsync(http, workspace, Scenario.Served());
        await Scenario.PostAsync(http, workspace, Scenario.LeadWave());
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (receiver.Requests.IsEmpty && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.False(receiver.Requests.IsEmpty);
        // The receiver now holds a delivery open; ingest goes on at its usual pace.
        var watch = Stopwatch.StartNew();
        var result = await Scenario.PostAsync(http, workspace, Scenario.SouthCalls());
        Assert.Equal(5, (int)result["accepted"]!);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"ingest took {watch.Elapsed} while the webhook hung");
    }
}
