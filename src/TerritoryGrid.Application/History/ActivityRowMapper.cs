using TerritoryGrid.Contracts.Activity;

namespace TerritoryGrid.Application.History;

/// <summary>A logged call, email, meeting or visit → one touch event of the kind the layout maps its type to, id <c>activity:{id}</c>.</summary>
public sealed class ActivityRowMapper : IHistoryRowMapper
{
    public HistoryFileKind Kind => HistoryFileKind.Activities;

    public IReadOnlyList<ActivityEvent> Derive(HistoryRow row, HistoryFileLayout layout)
    {
        var id = row.Text("id", required: true);
        var account = row.Account();
        var rep = row.Rep();
        var type = row.Mapped("type", layout.Types, "activity type");
        var at = row.Date("occurredAt", required: true);
        var minutes = row.Number("durationMinutes") ?? 0;
        if (row.Problems.Count > 0 || id is null || account is null || type is not { } touch || at is not { } occurredAt)
        {
            return [];
        }

        var kind = touch switch
        {
            TouchType.Email => ActivityKind.Email,
            TouchType.Call => ActivityKind.Call,
            TouchType.Video => ActivityKind.Video,
            _ => ActivityKind.Visit,
        };
        return [new ActivityEvent($"activity:{id}", kind, occurredAt, account, rep, DurationMinutes: minutes)];
    }
}
