using System.Diagnostics.Metrics;

namespace TerritoryGrid.Grains.Rollups;

/// <summary>
/// Roll-up lag: from an account's change to its territory's (or rep's) totals holding it — the time a contribution
/// waits in the dispatcher plus its delivery. Published on the "TerritoryGrid" meter, beside the ingest figures.
/// </summary>
internal static class RollupTelemetry
{
    private static readonly Meter Meter = new("TerritoryGrid");

    public static readonly Histogram<double> Lag = Meter.CreateHistogram<double>(
        "territorygrid.rollup.lag", "s", "From an account's change to its territory's or rep's totals holding it");
}
