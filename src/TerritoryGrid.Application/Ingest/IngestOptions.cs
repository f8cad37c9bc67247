namespace TerritoryGrid.Application.Ingest;

/// <summary>Limits of the ingest API, bound from "Ingest".</summary>
public sealed class IngestOptions
{
    public const string SectionName = "Ingest";

    /// <summary>How far in the future (by the server's clock) an event may be. The default is 10 minutes.</summary>
    public TimeSpan MaxFutureSkew { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Events before this are refused as implausible. The default is 2000-01-01.</summary>
    public DateTimeOffset EarliestEventTime { get; set; } = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Most events in one posted batch. The default is 10,000.</summary>
    public int MaxBatchSize { get; set; } = 10_000;

    /// <summary>Largest amount (revenue, cost, value) accepted on one event. The default is 1e12.</summary>
    public double MaxAmount { get; set; } = 1e12;
}
