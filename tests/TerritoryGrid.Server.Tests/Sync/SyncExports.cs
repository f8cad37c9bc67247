using System.Text;

namespace TerritoryGrid.Server.Tests.Sync;

/// <summary>CRM exports in the territorygrid layout, as the sync tests post them.</summary>
internal static class SyncExports
{
    public const string TerritoriesHeader = "territory_id,territory_name,region,annual_quota\r\n";
    public const string RepsHeader = "rep_id,rep_name,territory_id,role,home_latitude,home_longitude,annual_quota\r\n";
    public const string AccountsHeader = "account_id,account_name,territory_id,owner_rep_id,industry,city,latitude,longitude,annual_revenue,annual_cost_to_serve\r\n";

    /// <summary>The three files, and the layout when given; no plan start (a sync takes none, an import its default).</summary>
    public static MultipartFormDataContent Form(string territories, string reps, string accounts, string? layout = null) =>
        Hostile.CsvForms.Form(Encoding.UTF8.GetBytes(territories), Encoding.UTF8.GetBytes(reps), Encoding.UTF8.GetBytes(accounts), layout, planStart: null);
}
