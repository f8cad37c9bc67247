using TerritoryGrid.Contracts.Activity;

namespace TerritoryGrid.Application.History;

/// <summary>
/// An opportunity snapshot row → the funnel events its stage implies, each with an id derived from the row id and the
/// event (<c>opp:{id}:lead</c>, <c>:qualified</c>, <c>:won</c>, <c>:lost</c>, <c>:disqualified</c>), so a later snapshot
/// of the same opportunity derives the same ids for what was already loaded and only its new stage adds events.
/// </summary>
public sealed class OpportunityRowMapper : IHistoryRowMapper
{
    public HistoryFileKind Kind => HistoryFileKind.Opportunities;

    public IReadOnlyList<ActivityEvent> Derive(HistoryRow row, HistoryFileLayout layout)
    {
        var id = row.Text("id", required: true);
        var account = row.Account();
        var rep = row.Rep();
        var stage = row.Mapped("stage", layout.Stages, "stage");
        var created = row.Date("createdAt", required: true);
        var qualified = row.Date("qualifiedAt");
        var closed = row.Date("closedAt");
        var amount = row.Number("amount") ?? 0;
        var isClosed = stage is OpportunityStage.Won or OpportunityStage.Lost or OpportunityStage.Disqualified;
        if (isClosed && closed is null && row.Problems.All(p => p.Column != row.Column("closedAt")))
        {
            row.Reject("closedAt", $"is empty; the stage '{row.Text("stage")}' is closed, so its close date is required");
        }

        if (created is { } from && closed is { } to && isClosed && to < from)
        {
            row.Reject("closedAt", $"{to:yyyy-MM-dd} is before the created date {from:yyyy-MM-dd}");
        }

        if (row.Problems.Count > 0 || id is null || account is null || stage is not { } reached || created is not { } createdAt)
        {
            return [];
        }

        var events = new List<ActivityEvent>(3) { Event(id, "lead", ActivityKind.LeadCreated, createdAt, account, rep, 0) };
        var closedAt = closed ?? createdAt;
        if (reached == OpportunityStage.Disqualified)
        {
            events.Add(Event(id, "disqualified", ActivityKind.LeadDisqualified, closedAt, account, rep, 0));
            return events;
        }

        if (reached == OpportunityStage.Lead)
        {
            return events;
        }

        // An engaged date is often missing, or off by a day against the others in an export: keep the funnel in order.
        var qualifiedAt = qualified is { } engaged ? Clamp(engaged, createdAt, isClosed ? closedAt : DateTimeOffset.MaxValue) : createdAt;
        events.Add(Event(id, "qualified", ActivityKind.LeadQualified, qualifiedAt, account, rep, amount));
        if (reached == OpportunityStage.Won)
        {
            events.Add(Event(id, "won", ActivityKind.OpportunityWon, closedAt, account, rep, amount));
        }
        else if (reached == OpportunityStage.Lost)
        {
            events.Add(Event(id, "lost", ActivityKind.OpportunityLost, closedAt, account, rep, amount));
        }

        return events;
    }

    public static string EventId(string rowId, string step) => $"opp:{rowId}:{step}";

    private static DateTimeOffset Clamp(DateTimeOffset value, DateTimeOffset min, DateTimeOffset max) =>
        value < min ? min : value > max ? max : value;

    private static ActivityEvent Event(string rowId, string step, ActivityKind kind, DateTimeOffset at, string account, string? rep, double amount) =>
        new(EventId(rowId, step), kind, at, account, rep, Amount: amount, ReferenceId: rowId);
}
