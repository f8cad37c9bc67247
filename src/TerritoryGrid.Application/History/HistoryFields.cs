namespace TerritoryGrid.Application.History;

/// <summary>The fields a history layout section maps to columns, per kind of file, and which of them every row needs.</summary>
public static class HistoryFields
{
    public static IReadOnlyList<string> Known(HistoryFileKind kind) => kind switch
    {
        HistoryFileKind.Opportunities => ["id", "accountId", "repId", "stage", "createdAt", "qualifiedAt", "closedAt", "amount"],
        HistoryFileKind.Orders => ["id", "accountId", "repId", "occurredAt", "amount", "cost", "product", "quantity"],
        _ => ["id", "accountId", "repId", "type", "occurredAt", "durationMinutes"],
    };

    public static IReadOnlyList<string> Required(HistoryFileKind kind) => kind switch
    {
        HistoryFileKind.Opportunities => ["id", "accountId", "stage", "createdAt"],
        HistoryFileKind.Orders => ["id", "accountId", "occurredAt", "amount"],
        _ => ["id", "accountId", "type", "occurredAt"],
    };
}
