using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Trace;
using TerritoryGrid.Server.Dashboard;
using TerritoryGrid.Server.Security;
using TerritoryGrid.Testing;

namespace TerritoryGrid.Server.Tests.Security;

/// <summary>
/// A program connecting to the hub may carry its key in the URL ("?access_token=", the only way a WebSocket can). With
/// every log category at Trace (as an operator chasing a problem might set it) and every span exported, the key's text
/// must appear in no log message, structured value, scope or exception, and in no span's tags.
/// </summary>
public sealed class AccessTokenLoggingTests
{
    /// <summary>A key of this test alone, so nothing another test logs can be mistaken for a leak.</summary>
    private static readonly string Key = ApiKeyHasher.NewKey();

    private sealed class LoggedServer(CapturedLogs logs, List<Activity> spans) : TestServer
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            foreach (var category in new[] { "Default", "Microsoft", "Microsoft.AspNetCore", "Orleans", "Polly", "System" })
            {
                builder.UseSetting($"Logging:LogLevel:{category}", "Trace");
            }

            builder.UseSetting("Security:ApiKeys:20:Name", "hub program");
            builder.UseSetting("Security:ApiKeys:20:Role", Roles.Viewer);
            builder.UseSetting("Security:ApiKeys:20:Hash", ApiKeyHasher.Hash(Key));
            // OpenTelemetry's own redaction of url.query is switched off here: the server must not depend on it.
            builder.UseSetting("OTEL_DOTNET_EXPERIMENTAL_ASPNETCORE_DISABLE_URL_QUERY_REDACTION", "true");
            builder.ConfigureLogging(logging => logging.AddProvider(logs));
            builder.ConfigureServices(services => services.ConfigureOpenTelemetryTracerProvider(tracing =>
                tracing.AddSource("Microsoft.AspNetCore.SignalR.Server").AddInMemoryExporter(spans)));
        }
    }

    [Fact]
    public async Task AKeyInTheHubUrl_ReachesNoLogAndNoSpan_EvenAtTrace()
    {
        var logs = new CapturedLogs();
        var spans = new List<Activity>();
        var server = new LoggedServer(logs, spans);
        server.UseKestrel(0);
        server.StartServer();
        await using (server)
        {
            // As a browser does: the key in the URL of every transport's requests (negotiate, then the connection).
            foreach (var transport in new[] { HttpTransportType.WebSockets, HttpTransportType.ServerSentEvents, HttpTransportType.LongPolling })
            {
                await using var connection = new HubConnectionBuilder()
                    .WithUrl(new Uri(server.Address, $"{TerritoryHub.Path}?access_token={Key}"), transport)
                    .Build();
                await connection.StartAsync();
                await connection.InvokeAsync(nameof(TerritoryHub.SubscribeOverview), "live");
                await connection.StopAsync();
            }

            // The parameter's name is matched as ASP.NET Core reads it, in any case.
            using var anonymous = new HttpClient { BaseAddress = server.Address };
            foreach (var parameter in new[] { "access_token", "ACCESS_TOKEN" })
            {
                var negotiate = await anonymous.PostAsync($"{TerritoryHub.Path}/negotiate?negotiateVersion=1&{parameter}={Key}", null);
                Assert.Equal(HttpStatusCode.OK, negotiate.StatusCode);
            }

            // Elsewhere the parameter is no credential, but a caller may still send it.
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/workspaces?x=1&access_token={Key}")).StatusCode);
        }

        var requestLogs = logs.Entries.Where(e => e.Category == "Microsoft.AspNetCore.Hosting.Diagnostics" && e.Message.Contains(TerritoryHub.Path)).ToList();
        Assert.True(requestLogs.Count > 0, "the hub's requests were not logged at all: this test would prove nothing");
        Assert.Contains(requestLogs, e => e.Message.Contains("access_token=", StringComparison.Ordinal));
        Assert.Contains(spans, s => s.GetTagItem("url.path") is TerritoryHub.Path);

        var leaks = logs.Entries.SelectMany(e => e.Texts.Where(t => t.Contains(Key, StringComparison.Ordinal)).Select(t => $"log {e.Category} ({e.Level}): {t}"))
            .Concat(spans.SelectMany(s => s.TagObjects.Where(t => Convert.ToString(t.Value)?.Contains(Key, StringComparison.Ordinal) == true)
                .Select(t => $"span {s.DisplayName}: {t.Key}={t.Value}")))
            .Concat(spans.Where(s => s.DisplayName.Contains(Key, StringComparison.Ordinal)).Select(s => $"span name {s.DisplayName}"))
            .Distinct()
            .ToList();
        Assert.True(leaks.Count == 0, $"the key leaked {leaks.Count} times:\n" + string.Join("\n", leaks.Take(20)));
    }
}
