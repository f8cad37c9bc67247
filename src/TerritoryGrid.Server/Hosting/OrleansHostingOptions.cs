namespace TerritoryGrid.Server.Hosting;

/// <summary>Where the co-hosted silo listens and how it detects failed silos, bound from "Orleans".</summary>
public sealed class OrleansHostingOptions
{
    public const string SectionName = "Orleans";

    /// <summary>
    /// The options as configured: read before the host is built (the silo's ports and cluster) and again when the
    /// endpoints are mapped (the Orleans Dashboard), so both see the same section.
    /// </summary>
    public static OrleansHostingOptions From(Microsoft.Extensions.Configuration.IConfiguration configuration) =>
        configuration.GetSection(SectionName).Get<OrleansHostingOptions>() ?? new();

    /// <summary>Silo-to-silo port. The default is 11111.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>Port Orleans clients (the simulator) connect to. The default is 30000.</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>
    /// Cluster mode: the address other silos reach this one at (an IP address or a host name). Unset, the host's first
    /// non-loopback IPv4 address. Single-machine mode always uses loopback.
    /// </summary>
    public string? AdvertisedAddress { get; set; }

    /// <summary>Silos with the same cluster id form one cluster. The default is "territorygrid".</summary>
    public string ClusterId { get; set; } = "territorygrid";

    /// <summary>How long a silo waits for a probe's answer. Orleans' default is 5 s; ours is 2 s.</summary>
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Missed probes before a silo suspects another. Orleans' default is 3.</summary>
    public int MissedProbesLimit { get; set; } = 3;

    /// <summary>
    /// Whether the Orleans Dashboard for operators runs (at /orleans). On by default. Its metrics reader collects
    /// Orleans' instruments once a second (fixed in the dashboard), and one of them walks every activation; its
    /// profiling filter sees every grain call. With 100,000 active accounts a profile put the walk at 7-9% of live
    /// ingest's CPU samples, yet ingest measured the same with it off, within the machine's noise (benchmarks/README.md).
    /// </summary>
    public bool Dashboard { get; set; } = true;

    /// <summary>
    /// How often the Orleans Dashboard asks the silo for its runtime statistics (the silo's history charts). It does
    /// not change the dashboard's once-a-second metrics reader. The Orleans Dashboard accepts 1 s at least.
    /// </summary>
    public TimeSpan DashboardSampleInterval { get; set; } = TimeSpan.FromSeconds(5);
}
