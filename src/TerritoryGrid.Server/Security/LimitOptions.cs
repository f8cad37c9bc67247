namespace TerritoryGrid.Server.Security;

/// <summary>Request limits, bound from "Limits".</summary>
public sealed class LimitOptions
{
    public const string SectionName = "Limits";

    /// <summary>Requests per second each API key (or, before sign-in, each address) may make, sustained. The default is 200.</summary>
    public int RequestsPerSecond { get; set; } = 200;

    /// <summary>Requests a key may make at once above the sustained rate. The default is 1,000.</summary>
    public int Burst { get; set; } = 1_000;

    /// <summary>
    /// Ingest requests (activity, roster, company) being processed at once on this server; more are shed with 503 and
    /// Retry-After rather than queued, so a flood cannot grow memory. The default is 64.
    /// </summary>
    public int MaxConcurrentIngest { get; set; } = 64;

    /// <summary>How long an API request may take before it is answered 504. The default is 30 s; company loads get 10 minutes.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
