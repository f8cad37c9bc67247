using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using TerritoryGrid.Testing;
using static TerritoryGrid.Server.Tests.Plans.PlanCompany;

namespace TerritoryGrid.Server.Tests.Plans;

/// <summary>
/// An applied plan's moves exported as CSV for the CRM: one row per account moved, new and former territory and owner;
/// the file, posted back as a CSV plan, is a plan of the same moves (after a rollback, it moves them again).
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class PlanMovesExportTests(ServerFixture server)
{
    private const string Workspace = "plan-export";
    private static readonly DateTimeOffset EffectiveAt = PlanStart.AddDays(10);

    [Fact]
    public async Task AnAppliedPlansMoves_ComeOutAsCsv_ThatImportsAsThePlanAgain()
    {
        using var admin = server.CreateClient();
        using var planner = server.CreateClient();
        planner.DefaultRequestHeaders.Authorization = new("Bearer", TestKeys.Planner);
        Assert.True((await admin.PutAsJsonAsync($"/api/workspaces/{Workspace}/company", Create())).IsSuccessStatusCode);
        var moves = new JsonArray([.. Enumerable.Range(0, 3).Select(a => (JsonNode)new JsonObject
        {
            ["kind"] = "moveAccount", ["accountId"] = Account(0, a), ["toRepId"] = Rep(1, 0),
        })]);
        var planId = await ApplyAsync(admin, planner, new JsonObject { ["name"] = "Three west", ["effectiveAt"] = EffectiveAt.ToString("O"), ["moves"] = moves });

        var export = await planner.GetAsync($"/api/workspaces/{Workspace}/plans/{planId}/moves.csv");
        var csv = await export.Content.ReadAsStringAsync();
        var draftExport = await planner.GetAsync($"/api/workspaces/{Workspace}/plans/{await DraftAsync(planner)}/moves.csv");
        var unknown = await planner.GetAsync($"/api/workspaces/{Workspace}/plans/plan-999/moves.csv");

        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("text/csv", export.Content.Headers.ContentType!.MediaType);
        var lines = csv.TrimEnd().Split("\r\n");
        Assert.Equal("account_id,account_name,territory_id,owner_rep_id,from_territory_id,from_owner_rep_id,effective_at", lines[0]);
        Assert.Equal(
            Enumerable.Range(0, 3).Select(a => $"{Account(0, a)},{Territory(1)},{Rep(1, 0)},{Territory(0)},{Rep(0, a % 2)},{EffectiveAt:O}"),
            lines[1..].Select(l => l.Split(',')).Select(c => string.Join(',', c[0], c[2], c[3], c[4], c[5], c[6])));
        Assert.Equal(HttpStatusCode.Conflict, draftExport.StatusCode);
        Assert.Contains("only an applied plan has moves to export", await draftExport.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);

        // Undo it, then post the export back: the same three moves.
        var rollback = await (await planner.PostAsync($"/api/workspaces/{Workspace}/plans/{planId}/rollback", null)).Content.ReadFromJsonAsync<JsonObject>();
        await ApproveScheduleApplyAsync(admin, planner, (string)rollback!["id"]!, EffectiveAt.AddDays(1));
        var again = await planner.PostAsync($"/api/workspaces/{Workspace}/plans/csv?name=Again", new StringContent(csv, Encoding.UTF8, "text/csv"));
        var plan = await again.Content.ReadFromJsonAsync<JsonObject>();
        Assert.True(again.StatusCode == HttpStatusCode.Created, plan?.ToJsonString());
        Assert.Equal(3, plan!["impact"]!["accountsMoved"]!.GetValue<int>());
    }

    private static async Task<string> DraftAsync(HttpClient planner)
    {
        var move = new JsonObject { ["kind"] = "moveAccount", ["accountId"] = Account(0, 5), ["toRepId"] = Rep(2, 0) };
        var drafted = await planner.PostAsJsonAsync($"/api/workspaces/{Workspace}/plans", new JsonObject { ["name"] = "Draft only", ["moves"] = new JsonArray(move) });
        Assert.Equal(HttpStatusCode.Created, drafted.StatusCode);
        return (string)(await drafted.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
    }

    private static async Task<string> ApplyAsync(HttpClient admin, HttpClient planner, JsonObject plan)
    {
        var drafted = await planner.PostAsJsonAsync($"/api/workspaces/{Workspace}/plans", plan);
        Assert.Equal(HttpStatusCode.Created, drafted.StatusCode);
        var planId = (string)(await drafted.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        await ApproveScheduleApplyAsync(admin, planner, planId, null);
        return planId;
    }

    private static async Task ApproveScheduleApplyAsync(HttpClient admin, HttpClient planner, string planId, DateTimeOffset? effectiveAt)
    {
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/workspaces/{Workspace}/plans/{planId}/approve", null)).StatusCode);
        var schedule = effectiveAt is { } at ? $"?effectiveAt={Uri.EscapeDataString(at.ToString("O"))}" : "";
        Assert.Equal(HttpStatusCode.OK, (await planner.PostAsync($"/api/workspaces/{Workspace}/plans/{planId}/schedule{schedule}", null)).StatusCode);
        var applied = await admin.PostAsync($"/api/workspaces/{Workspace}/plans/{planId}/apply", null);
        Assert.True(applied.StatusCode == HttpStatusCode.OK, await applied.Content.ReadAsStringAsync());
    }
}
