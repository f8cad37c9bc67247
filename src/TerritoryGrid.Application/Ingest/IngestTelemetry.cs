using System.Diagnostics.Metrics;
using TerritoryGrid.Contracts.Activity;

namespace TerritoryGrid.Application.Ingest;

/// <summary>
/// Ingest as operators watch it (meter "TerritoryGrid"): events accepted, late, duplicate and refused by reason, and
/// ingest lag (arrival minus event time), each tagged with the workspace.
/// </summary>
public sealed class IngestTelemetry
{
    public const string MeterName = "TerritoryGrid";

    private readonly Counter<long> accepted;
    private readonly Counter<long> late;
    private readonly Counter<long> duplicates;
    private readonly Counter<long> rejected;
    private readonly Histogram<double> lag;

    public IngestTelemetry(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        accepted = meter.CreateCounter<long>("territorygrid.events.accepted", "{event}", "Events applied (late ones included)");
        late = meter.CreateCounter<long>("territorygrid.events.late", "{event}", "Events applied after their day's status was recorded");
        duplicates = meter.CreateCounter<long>("territorygrid.events.duplicates", "{event}", "Events already applied (retries)");
        rejected = meter.CreateCounter<long>("territorygrid.events.rejected", "{event}", "Events refused, by reason");
        lag = meter.CreateHistogram<double>("territorygrid.ingest.lag", "s", "Arrival time minus event time of applied events");
    }

    public void Record(string workspace, IngestResult result, IEnumerable<ActivityEvent> applied, DateTimeOffset now)
    {
        var tag = new KeyValuePair<string, object?>("workspace", workspace);
        accepted.Add(result.Accepted, tag);
        late.Add(result.Late, tag);
        duplicates.Add(result.Duplicates, tag);
        foreach (var group in result.Rejected.GroupBy(r => Reason(r.Reason)))
        {
            rejected.Add(group.Count(), tag, new KeyValuePair<string, object?>("reason", group.Key));
        }

        foreach (var e in applied)
        {
            lag.Record(Math.Max(0, (now - e.OccurredAt).TotalSeconds), tag);
        }
    }

    /// <summary>A few stable reason classes (the messages themselves carry ids and values).</summary>
    public static string Reason(string message) => message switch
    {
        _ when message.StartsWith("unknown account", StringComparison.Ordinal) => "unknown_account",
        _ when message.StartsWith("conflict", StringComparison.Ordinal) => "conflict",
        _ when message.Contains("in the future", StringComparison.Ordinal) => "future",
        _ when message.Contains("earliest accepted", StringComparison.Ordinal) || message.Contains("older than", StringComparison.Ordinal) => "too_old",
        _ when message.Contains("is required", StringComparison.Ordinal) => "missing_field",
        _ when message.Contains(" must be ", StringComparison.Ordinal) || message.Contains(" is not ", StringComparison.Ordinal) => "invalid_value",
        _ => "other",
    };
}
