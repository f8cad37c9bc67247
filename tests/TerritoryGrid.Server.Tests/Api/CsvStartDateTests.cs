using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace TerritoryGrid.Server.Tests.Api;

/// <summary>
/// Reps' start dates and accounts' sizes from a CRM export: dates in the formats the layout declares (Salesforce
/// exports mix US and ISO dates), a rep who starts after the plan start has no capacity before it and ramps up from it.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class CsvStartDateTests(ServerFixture server)
{
    private const string Territories = "Territory ID,Territory Name,Parent Territory\r\neast,East,East\r\n\r\n";

    private const string Accounts =
        "Account ID,Account Name,Territory ID,Account Owner ID,Industry,Billing City,Billing Latitude,Billing Longitude,Employees\r\n" +
        "001A,Acme,east,ann,Retail,New York,40.8,-73.9,250 \r\n" +
        "\r\n" +
        "001B,Bolt,east,bob,Retail,Newark,40.7,-74.2,\r\n";

    [Fact]
    public async Task A_rep_who_starts_after_the_plan_start_has_no_capacity_before_it_and_ramps_up_from_it()
    {
        const string reps = "User ID,Full Name,Territory ID,Sales Role,Latitude,Longitude,Start Date\r\n" +
                            "ann,Ann,east,Field Sales,40.7,-74.0,9/15/2026\r\n" +
                            "bob,Bob,east,Inside Sales,40.7,-74.0,2026-01-05 \r\n";
        using var client = server.CreateClient();

        var response = await client.PutAsync("/api/workspaces/csv-start/company/csv", Form(reps));

        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var company = (await client.GetFromJsonAsync<JsonObject>("/api/workspaces/csv-start/company"))!;
        Assert.Equal(DateTimeOffset.Parse("2026-09-15T00:00:00Z"), (DateTimeOffset)company["reps"]![0]!["startDate"]!);
        Assert.Equal(250, (int)company["accounts"]![0]!["employees"]!);
        Assert.Null(company["accounts"]![1]!["employees"]);
        Assert.Equal(0.0, await AvailabilityAsync(client, "ann", 0.0));
        Assert.Equal(1.0, await AvailabilityAsync(client, "bob", 1.0));

        // Three and a half weeks after ann's start: the first third of a twelve-week ramp-up.
        var touch = new JsonObject
        {
            ["id"] = "ann-first-call", ["kind"] = "call", ["occurredAt"] = "2026-10-10T10:00:00Z", ["accountId"] = "001A", ["repId"] = "ann",
        };
        var posted = await client.PostAsJsonAsync("/api/workspaces/csv-start/activity", new JsonArray(touch));
        Assert.Equal(1, (int)(await posted.Content.ReadFromJsonAsync<JsonObject>())!["accepted"]!);
        Assert.Equal(1 / 3.0, await AvailabilityAsync(client, "ann", 1 / 3.0), 9);
    }

    [Fact]
    public async Task A_date_in_no_declared_format_is_reported_with_file_line_column_and_the_formats()
    {
        const string reps = "User ID,Full Name,Territory ID,Sales Role,Latitude,Longitude,Start Date\r\n" +
                            "ann,Ann,east,Field Sales,40.7,-74.0,15.09.2026\r\n";
        const string accounts = "Account ID,Account Name,Territory ID,Account Owner ID,Industry,Billing City,Billing Latitude,Billing Longitude,Employees\r\n" +
                                "001A,Acme,east,ann,Retail,New York,40.8,-73.9,12.5\r\n";
        using var client = server.CreateClient();

        var response = await client.PutAsync("/api/workspaces/csv-start-bad/company/csv", Form(reps, accounts));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"entity\":\"reps.csv\",\"id\":\"line 2\",\"field\":\"Start Date\",\"message\":\"'15.09.2026' is not a date in a format layout 'salesforce' declares (M/d/yyyy, M/d/yyyy h:mm tt, yyyy-MM-dd)\"", body);
        Assert.Contains("\"entity\":\"accounts.csv\",\"id\":\"line 2\",\"field\":\"Employees\",\"message\":\"12.5 is not a whole number of at least 0\"", body);
    }

    /// <summary>The rep's availability at their watermark, once it reads <paramref name="expected"/> (reps roll up every second).</summary>
    private static async Task<double> AvailabilityAsync(HttpClient client, string rep, double expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var availability = (double)(await client.GetFromJsonAsync<JsonObject>($"/api/workspaces/csv-start/reps/{rep}"))!["rep"]!["availability"]!;
            if (Math.Abs(availability - expected) < 1e-9 || DateTime.UtcNow > deadline)
            {
                return availability;
            }

            await Task.Delay(50);
        }
    }

    private static MultipartFormDataContent Form(string reps, string accounts = Accounts) => new()
    {
        { new StringContent(Territories, Encoding.UTF8, "text/csv"), "territories", "territories.csv" },
        { new StringContent(reps, Encoding.UTF8, "text/csv"), "reps", "reps.csv" },
        { new StringContent(accounts, Encoding.UTF8, "text/csv"), "accounts", "accounts.csv" },
        { new StringContent("2026-09-01T00:00:00Z"), "planStart" },
        { new StringContent("salesforce"), "layout" },
    };
}
