using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using TerritoryGrid.Server.Hosting;

namespace Microsoft.AspNetCore.Builder;

public static class HealthExtensions
{
    public const string LivePath = "/health/live";
    public const string ReadyPath = "/health/ready";

    public static WebApplicationBuilder AddTerritoryGridHealth(this WebApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks().AddCheck<ReadinessCheck>("silo-and-store", tags: ["ready"]);
        return builder;
    }

    /// <summary>
    /// Liveness (the process answers) and readiness (the silo joined and its store answers), anonymous and outside the
    /// rate limits: probes come from the container runtime and the front door, and say nothing about the company.
    /// </summary>
    public static WebApplication MapTerritoryGridHealth(this WebApplication app)
    {
        app.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous().DisableRateLimiting();
        app.MapHealthChecks(ReadyPath, new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains("ready"),
            ResponseWriter = (context, report) => context.Response.WriteAsJsonAsync(new
            {
                status = report.Status.ToString(),
                checks = report.Entries.ToDictionary(e => e.Key, e => e.Value.Description),
            }),
        }).AllowAnonymous().DisableRateLimiting();
        return app;
    }

    /// <summary>
    /// "TerritoryGrid.Server --probe URL": exits 0 when URL answers 2xx. The container health check uses it (the
    /// runtime image has no curl).
    /// </summary>
    public static int? RunProbe(string[] args)
    {
        if (args is not ["--probe", var url])
        {
            return null;
        }

        try
        {
            using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            return client.GetAsync(url).GetAwaiter().GetResult().IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            return 1;
        }
    }
}
