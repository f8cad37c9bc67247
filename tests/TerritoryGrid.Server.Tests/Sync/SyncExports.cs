using System.Net.Http.Headers;
using System.Text;

namespace TerritoryGrid.Server.Tests.Sync;

/// <summary>CRM exports in the territorygrid layout, as the sync tests post them.</summary>
internal static class SyncExports
{
    public const string TerritoriesHeader = "territory_id,territory_name,region,annual_quota\r\n";
    public const string RepsHeader = "rep_id,rep_name,territory_id,role,home_latitude,home_longitude,annual_quota\r\n";
    public const string AccountsHeader = "account_id,account_name,territory_id,owner_rep_id,industry,city,latitude,longitude,annual_revenue,annual_cost_to_serve\r\n";

    public static MultipartFormDataContent Form(string territories, string reps, string accounts, string? layout = null)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, text) in new[] { ("territories", territories), ("reps", reps), ("accounts", accounts) })
        {
            var file = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
            file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            form.Add(file, name, $"{name}.csv");
        }

        if (layout is not null)
        {
            form.Add(new StringContent(layout), "layout");
        }

        return form;
    }
}
