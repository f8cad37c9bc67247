namespace TerritoryGrid.Server.Security;

/// <summary>
/// What a caller may do. Each API key carries one role; a role includes what the roles below it in its line may do:
/// admin ⊇ planner ⊇ viewer, and admin ⊇ ingest. An ingest key (a CRM integration) cannot read metrics.
/// </summary>
public static class Roles
{
    public const string Viewer = "viewer";
    public const string Ingest = "ingest";
    public const string Planner = "planner";
    public const string Admin = "admin";

    public static readonly string[] All = [Viewer, Ingest, Planner, Admin];

    /// <summary>The roles whose keys satisfy <paramref name="required"/>.</summary>
    public static string[] Satisfying(string required) => required switch
    {
        Viewer => [Viewer, Planner, Admin],
        Ingest => [Ingest, Admin],
        Planner => [Planner, Admin],
        Admin => [Admin],
        _ => throw new ArgumentOutOfRangeException(nameof(required), required, "not a role"),
    };
}
