using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using TerritoryGrid.Application.Ingest;
using TerritoryGrid.Server.Security;

namespace Microsoft.AspNetCore.Builder;

public static class TelemetryExtensions
{
    public const string MetricsPath = "/metrics";

    /// <summary>
    /// OpenTelemetry metrics (TerritoryGrid's meter, Orleans', ASP.NET Core's) on a Prometheus scrape endpoint, and
    /// traces; both are also exported over OTLP when "OpenTelemetry:OtlpEndpoint" is set.
    /// </summary>
    public static WebApplicationBuilder AddTerritoryGridTelemetry(this WebApplicationBuilder builder)
    {
        var otlp = builder.Configuration["OpenTelemetry:OtlpEndpoint"];
        builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(IngestTelemetry.MeterName, "Microsoft.Orleans").AddAspNetCoreInstrumentation().AddPrometheusExporter();
                if (!string.IsNullOrWhiteSpace(otlp))
                {
                    metrics.AddOtlpExporter(o => o.Endpoint = new Uri(otlp));
                }
            })
            .WithTracing(tracing =>
            {
                tracing.AddSource("Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application").AddAspNetCoreInstrumentation(options =>
                    options.EnrichWithHttpRequest = RedactAccessToken);
                if (!string.IsNullOrWhiteSpace(otlp))
                {
                    tracing.AddOtlpExporter(o => o.Endpoint = new Uri(otlp));
                }
            });
        return builder;
    }

    /// <summary>
    /// A hub client's key in "?access_token=" must not reach a trace. OpenTelemetry redacts query values by default,
    /// but one setting (OTEL_DOTNET_EXPERIMENTAL_ASPNETCORE_DISABLE_URL_QUERY_REDACTION) turns that off.
    /// </summary>
    private static void RedactAccessToken(System.Diagnostics.Activity span, HttpRequest request)
    {
        if (span.GetTagItem("url.query") is string query && AccessTokenRedaction.MayCarry(query))
        {
            span.SetTag("url.query", AccessTokenRedaction.Redact(query));
        }
    }

    /// <summary>The Prometheus scrape endpoint: admin only (its series name workspaces); Prometheus sends the key as a bearer token.</summary>
    public static WebApplication MapTerritoryGridTelemetry(this WebApplication app)
    {
        app.MapPrometheusScrapingEndpoint(MetricsPath).RequireRole(Roles.Admin).DisableRateLimiting();
        return app;
    }
}
