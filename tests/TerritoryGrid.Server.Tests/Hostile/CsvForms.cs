using System.Net.Http.Headers;
using System.Text;

namespace TerritoryGrid.Server.Tests.Hostile;

/// <summary>Valid CSV files for the import (territorygrid layout) and the multipart form that carries them.</summary>
internal static class CsvForms
{
    public const string Territories = "territory_id,territory_name,region,annual_quota\r\neast,East,East,100000\r\nwest,West,West,\r\n";

    public const string Reps = "rep_id,rep_name,territory_id,role,home_latitude,home_longitude\r\nann,Ann,east,outside,40.7,-74.0\r\nbob,Bob,west,inside,37.7,-122.4\r\n";

    public const string AccountsHeader = "account_id,account_name,territory_id,owner_rep_id,industry,city,latitude,longitude,annual_revenue,annual_cost_to_serve,segment\r\n";

    public const string Accounts = AccountsHeader +
        "A,Alpha,east,ann,Retail,New York,40.8,-73.9,65000,18000,\r\n" +
        "B,Beta,west,bob,Retail,Oakland,37.8,-122.3,60000,10000,B\r\n";

    /// <summary>The files as raw bytes (so a case can carry any bytes, valid UTF-8 or not); a null file or field is left out.</summary>
    public static MultipartFormDataContent Form(
        byte[]? territories, byte[]? reps, byte[]? accounts, string? layout = null, byte[]? layoutFile = null, string? planStart = "2026-09-01T00:00:00Z")
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, content) in new[] { ("territories", territories), ("reps", reps), ("accounts", accounts), ("layout", layoutFile) })
        {
            if (content is not null)
            {
                var file = new ByteArrayContent(content);
                file.Headers.ContentType = new MediaTypeHeaderValue(name == "layout" ? "application/json" : "text/csv");
                form.Add(file, name, name + (name == "layout" ? ".json" : ".csv"));
            }
        }

        if (layout is not null)
        {
            form.Add(new StringContent(layout), "layout");
        }

        if (planStart is not null)
        {
            form.Add(new StringContent(planStart), "planStart");
        }

        return form;
    }

    public static MultipartFormDataContent Form(string territories, string reps, string accounts) =>
        Form(Encoding.UTF8.GetBytes(territories), Encoding.UTF8.GetBytes(reps), Encoding.UTF8.GetBytes(accounts));
}
