using TerritoryGrid.Contracts.Rebuilds;

namespace TerritoryGrid.Server.Rebuilds;

/// <summary>A rebuild as the API shows it; status "none" when the workspace was never rebuilt.</summary>
public sealed record RebuildView(
    string Workspace, string Status, string? Phase, double Progress, long RecordsTotal, long RecordsReplayed, long EventsReplayed,
    int? Generation, string? StartedBy, DateTimeOffset? StartedAt, DateTimeOffset? UpdatedAt, DateTimeOffset? FinishedAt, string? Error)
{
    public const string None = "none";

    public static RebuildView Of(string workspace, RebuildRecord? record) => record is null
        ? new(workspace, None, null, 0, 0, 0, 0, null, null, null, null, null, null)
        : new(workspace, record.Status, record.Phase, Math.Round(record.Progress, 4), record.RecordsTotal, record.RecordsReplayed,
            record.EventsReplayed, record.Generation, record.StartedBy, record.StartedAt, record.UpdatedAt, record.FinishedAt, record.Error);
}
