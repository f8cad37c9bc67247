using TerritoryGrid.Contracts.Activity;

namespace TerritoryGrid.Application.History;

/// <summary>Sorts an event the ingest refused into what a history import reports: too old, a notice, or a rejection.</summary>
internal static class HistoryRefusal
{
    public static bool IsOlderThanDuplicateHorizon(string reason) => reason.Contains(RefusalReasons.OutsideDuplicateHorizon, StringComparison.Ordinal);

    /// <summary>The issue to report for a refused event, and whether it is a notice (expected of snapshots) rather than a rejection.</summary>
    public static (RowIssue Issue, bool Notice) Explain(DerivedEvent derived, string reason)
    {
        var e = derived.Event;
        if (reason.StartsWith("conflict:", StringComparison.Ordinal))
        {
            return (new RowIssue(derived.Line, null, e.Id,
                "the row changed since this event was loaded (rep, date or amount): an import adds events and never revises one already loaded, so the first version stays"), true);
        }

        if (e.Kind is ActivityKind.OpportunityWon or ActivityKind.OpportunityLost && reason.Contains("already closed", StringComparison.Ordinal))
        {
            var other = e.Kind == ActivityKind.OpportunityWon ? "lost" : "won";
            return (new RowIssue(derived.Line, null, e.Id,
                $"the opportunity was already loaded as {other}: a stage that moved back (or to the other outcome) cannot be undone by an import"), true);
        }

        return (new RowIssue(derived.Line, null, e.Id, reason), false);
    }
}
