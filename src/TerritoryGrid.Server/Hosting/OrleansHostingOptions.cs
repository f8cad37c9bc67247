namespace TerritoryGrid.Server.Hosting;

/// <summary>Where the co-hosted silo listens, bound from "Orleans".</summary>
public sealed class OrleansHostingOptions
{
    public const string SectionName = "Orleans";

    /// <summary>Silo-to-silo port. The default is 11111.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>Port Orleans clients (the simulator) connect to. The default is 30000.</summary>
    public int GatewayPort { get; set; } = 30000;
}
