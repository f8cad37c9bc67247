namespace TerritoryGrid.Application.Companies.Sync;

/// <summary>The kinds of change a CRM sync applies, in the order it applies them: what is added before what moves, what moves before what goes.</summary>
public static class SyncChangeKinds
{
    public const string TerritoryAdded = "territoryAdded";
    public const string RepJoined = "repJoined";
    public const string RepMoved = "repMoved";
    public const string AccountAdded = "accountAdded";
    public const string AccountReassigned = "accountReassigned";
    public const string AccountOrphaned = "accountOrphaned";
    public const string AccountUpdated = "accountUpdated";
    public const string RepUpdated = "repUpdated";
    public const string TerritoryUpdated = "territoryUpdated";
    public const string AccountClosed = "accountClosed";
    public const string RepLeft = "repLeft";
    public const string TerritoryRemoved = "territoryRemoved";

    public static readonly string[] InOrder =
    [
        TerritoryAdded, RepJoined, RepMoved, AccountAdded, AccountReassigned, AccountOrphaned, AccountUpdated, RepUpdated,
        TerritoryUpdated, AccountClosed, RepLeft, TerritoryRemoved,
    ];
}
