using TerritoryGrid.Contracts.Activity;

namespace TerritoryGrid.Application.History;

/// <summary>Turns one row of a kind of history file into events, or into problems recorded on the row (then no events).</summary>
public interface IHistoryRowMapper
{
    HistoryFileKind Kind { get; }

    /// <summary>The row's events with stable ids (the same row always derives the same ids), or none when it has problems.</summary>
    IReadOnlyList<ActivityEvent> Derive(HistoryRow row, HistoryFileLayout layout);

    public static IHistoryRowMapper For(HistoryFileKind kind) => kind switch
    {
        HistoryFileKind.Opportunities => new OpportunityRowMapper(),
        HistoryFileKind.Orders => new OrderRowMapper(),
        _ => new ActivityRowMapper(),
    };
}
