using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.AspNetCore.RateLimiting;
using TerritoryGrid.Server.Security;

namespace Microsoft.AspNetCore.Builder;

public static class LimitExtensions
{
    /// <summary>The policy shedding ingest load beyond <see cref="LimitOptions.MaxConcurrentIngest"/>.</summary>
    public const string IngestPolicy = "ingest";

    /// <summary>The request-timeout policy of company loads (large documents).</summary>
    public const string LongPolicy = "long";

    /// <summary>
    /// A token bucket per API key (429 with Retry-After when empty), concurrent ingest bounded (503 with Retry-After
    /// beyond it, never an unbounded queue), and request timeouts (504).
    /// </summary>
    public static WebApplicationBuilder AddTerritoryGridLimits(this WebApplicationBuilder builder)
    {
        var limits = builder.Configuration.GetSection(LimitOptions.SectionName).Get<LimitOptions>() ?? new();
        builder.Services.AddRateLimiter(options =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                RateLimitPartition.GetTokenBucketLimiter(CallerOf(context), _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = limits.Burst,
                    TokensPerPeriod = limits.RequestsPerSecond,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                }));
            options.AddConcurrencyLimiter(IngestPolicy, o =>
            {
                o.PermitLimit = limits.MaxConcurrentIngest;
                o.QueueLimit = 0;
            });
            options.OnRejected = async (context, cancellationToken) =>
            {
                var shed = context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName == IngestPolicy
                    && !context.Lease.TryGetMetadata(MetadataName.RetryAfter, out _);
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 1;
                var response = context.HttpContext.Response;
                response.StatusCode = shed ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status429TooManyRequests;
                response.Headers.RetryAfter = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
                await response.WriteAsJsonAsync(new
                {
                    title = shed ? "Ingest is full" : "Too many requests",
                    status = response.StatusCode,
                    detail = shed
                        ? $"this server is already processing {limits.MaxConcurrentIngest} ingest requests; retry the same request after {retryAfter} s (nothing in it was applied)"
                        : $"more than {limits.RequestsPerSecond} requests per second (burst {limits.Burst}) for this key; retry after {retryAfter} s",
                }, cancellationToken);
            };
        });
        builder.Services.AddRequestTimeouts(options =>
        {
            options.DefaultPolicy = TimeoutPolicy(limits.RequestTimeout);
            options.AddPolicy(LongPolicy, TimeoutPolicy(TimeSpan.FromMinutes(10)));
        });
        return builder;
    }

    public static WebApplication UseTerritoryGridLimits(this WebApplication app)
    {
        app.UseRateLimiter();
        app.UseRequestTimeouts();
        return app;
    }

    /// <summary>The key's name once authenticated, else the caller's address (sign-in attempts, refused calls).</summary>
    private static string CallerOf(HttpContext context) =>
        context.User.Identity?.IsAuthenticated == true ? "key:" + context.User.Identity.Name : "ip:" + context.Connection.RemoteIpAddress;

    private static RequestTimeoutPolicy TimeoutPolicy(TimeSpan timeout) => new()
    {
        Timeout = timeout,
        TimeoutStatusCode = StatusCodes.Status504GatewayTimeout,
        WriteTimeoutResponse = context => context.Response.WriteAsJsonAsync(new
        {
            title = "Timed out",
            status = 504,
            detail = $"the request took longer than {timeout.TotalSeconds:0} s and was stopped; for ingest, retry it (event ids make that safe)",
        }),
    };
}
