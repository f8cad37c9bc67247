using TerritoryGrid.Contracts.Activity;

namespace TerritoryGrid.Application.History;

/// <summary>Counts one file's rows and its events' outcomes as they come back, and becomes its report.</summary>
internal sealed class HistoryFileTally(string file, HistoryFileKind kind)
{
    /// <summary>Issues listed per file at most (each list); the rest are counted, so a file of bad lines stays a readable answer.</summary>
    public const int MaxListed = 200;

    private readonly List<RowIssue> rejected = [];
    private readonly List<RowIssue> notices = [];
    private int unlistedRejected;
    private int unlistedNotices;
    private int rows;
    private int rowsRejected;
    private int events;
    private int accepted;
    private int late;
    private int duplicates;
    private int olderThanHorizon;
    private int notApplied;

    /// <summary>A row that holds something (blank lines are not counted).</summary>
    public void Read() => rows++;

    /// <summary>A file that cannot be read at all (a required column is missing): every row is rejected for the same reasons.</summary>
    public void RejectFile(int rowCount, IReadOnlyList<RowIssue> problems)
    {
        rows = rowsRejected = rowCount;
        foreach (var problem in problems)
        {
            List(rejected, ref unlistedRejected, problem);
        }
    }

    public void RejectRow(IReadOnlyList<RowIssue> problems)
    {
        rowsRejected++;
        foreach (var problem in problems)
        {
            List(rejected, ref unlistedRejected, problem);
        }
    }

    public void Derived(int count) => events += count;

    public void Applied(ApplyOutcome outcome)
    {
        switch (outcome)
        {
            case ApplyOutcome.Accepted:
                accepted++;
                break;
            case ApplyOutcome.AcceptedLate:
                accepted++;
                late++;
                break;
            case ApplyOutcome.Duplicate:
                duplicates++;
                break;
        }
    }

    public void OlderThanHorizon() => olderThanHorizon++;

    public void NotApplied(RowIssue issue, bool notice)
    {
        notApplied++;
        if (notice)
        {
            List(notices, ref unlistedNotices, issue);
        }
        else
        {
            List(rejected, ref unlistedRejected, issue);
        }
    }

    public HistoryFileReport ToReport() => new(
        file, HistoryLayout.Section(kind), rows, rowsRejected, events, accepted, late, duplicates, olderThanHorizon, notApplied,
        WithUnlisted(rejected, unlistedRejected), WithUnlisted(notices, unlistedNotices));

    public int OlderThanHorizonCount => olderThanHorizon;

    private static void List(List<RowIssue> list, ref int unlisted, RowIssue issue)
    {
        if (list.Count < MaxListed)
        {
            list.Add(issue);
        }
        else
        {
            unlisted++;
        }
    }

    private static IReadOnlyList<RowIssue> WithUnlisted(List<RowIssue> list, int unlisted) =>
        unlisted == 0 ? list : [.. list, new RowIssue(0, null, null, $"{unlisted} more not listed")];
}
