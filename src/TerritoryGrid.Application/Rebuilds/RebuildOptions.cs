namespace TerritoryGrid.Application.Rebuilds;

/// <summary>How a rebuild replays the stored activity, bound from "Rebuild".</summary>
public sealed class RebuildOptions
{
    public const string SectionName = "Rebuild";

    /// <summary>
    /// Most activity-log records replayed per second, so live ingest keeps its share of the machine while a large
    /// workspace is rebuilt; 0 (the default) replays as fast as the cluster applies them.
    /// </summary>
    public int RecordsPerSecond { get; set; }
}
