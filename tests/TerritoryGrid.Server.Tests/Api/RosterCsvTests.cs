using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace TerritoryGrid.Server.Tests.Api;

/// <summary>Roster changes from a CSV file as an HR system exports them: the readable, valid lines apply, every other line is named with its reason.</summary>
[Collection(ServerCollection.Name)]
public sealed class RosterCsvTests(ServerFixture server)
{
    private static string At(int day) => DateTimeOffset.Parse(TestData.PlanStart).AddDays(day).ToString("O");

    [Fact]
    public async Task A_roster_file_applies_its_valid_lines_and_names_each_bad_one_with_line_column_and_reason()
    {
        const string workspace = "roster-csv";
        using var client = server.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync($"/api/workspaces/{workspace}/company", TestData.Company())).StatusCode);
        var roster =
            "rep_id,change,effective_at,until,availability,territory_id,rep_name,role,home_latitude,home_longitude,ramp_weeks\r\n" +
            $"ann,leave,{At(3)},{At(10)},,,,,,,\r\n" +
            $"bob,availability,{At(5)[..10]},,0.5,,,,,,\r\n" +
            $"dina,hire,{At(1)},,,central,Dina,inside,41.9,-87.6,3\r\n" +
            "cid,leave,next tuesday,,,,,,,,\r\n" +
            $"zed,departure,{At(2)},,,,,,,,\r\n" +
            $"bob,availability,{At(6)},,lots,,,,,,\r\n" +
            $"ann,holiday,{At(4)},,,,,,,,\r\n";

        var response = await client.PostAsync($"/api/workspaces/{workspace}/roster/csv",
            new MultipartFormDataContent { { new StringContent(roster, Encoding.UTF8, "text/csv"), "roster", "hr-export.csv" } });
        await client.PostAsJsonAsync($"/api/workspaces/{workspace}/activity", new JsonArray(
            TestData.Event("c1", "call", "A", 1, "ann"), TestData.Event("c2", "call", "A", 14, "ann"), TestData.Event("c3", "call", "C", 30, "cid")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(3, (int)result["applied"]!);
        Assert.Equal(
            [
                "hr-export.csv 5 effective_at cid: 'next tuesday' is not a date in the formats yyyy-MM-dd, yyyy-MM-dd HH:mm, yyyy-MM-dd HH:mm:ss, yyyy-MM-ddTHH:mm:ss, yyyy-MM-ddTHH:mm:ssK, yyyy-MM-ddTHH:mm:ss.FFFFFFFK",
                "hr-export.csv 6  zed: unknown rep 'zed' in workspace 'roster-csv'",
                "hr-export.csv 7 availability bob: 'lots' is not a number",
                "hr-export.csv 8  ann: kind 'holiday' is not one of leave, departure, availability, hire",
            ],
            result["rejected"]!.AsArray().Select(r => $"{r!["file"]} {r["line"]} {r["column"]} {r["repId"]}: {r["reason"]}"));

        var east = await WaitAsync(client, $"/api/workspaces/{workspace}/territories/east", d => d["statusHistory"]!.AsArray().Count >= 2);
        Assert.Contains(east["statusHistory"]!.AsArray(), c => (string)c!["to"]! == "underServed" && DateTimeOffset.Parse((string)c["at"]!) == DateTimeOffset.Parse(At(3)));
        var central = await WaitAsync(client, $"/api/workspaces/{workspace}/territories/central", d => d["reps"]!.AsArray().Count == 2);
        Assert.Contains(central["reps"]!.AsArray(), r => (string)r!["id"]! == "dina");
        var bob = await WaitAsync(client, $"/api/workspaces/{workspace}/reps/bob", _ => true);
        Assert.Equal(0.5, (double)bob["rep"]!["availability"]!);
    }

    private static async Task<JsonObject> WaitAsync(HttpClient client, string path, Func<JsonObject, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var answer = (await client.GetFromJsonAsync<JsonObject>(path))!;
            if (done(answer) || DateTime.UtcNow > deadline)
            {
                return answer;
            }

            await Task.Delay(20);
        }
    }
}
