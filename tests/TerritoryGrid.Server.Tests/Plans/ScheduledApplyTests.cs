using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using TerritoryGrid.Testing;
using static TerritoryGrid.Server.Tests.Plans.PlanCompany;

namespace TerritoryGrid.Server.Tests.Plans;

/// <summary>A scheduled plan is applied by the scheduler once its effective time is within the configured lead.</summary>
public sealed class ScheduledApplyTests
{
    private sealed class SchedulingServer : TestServer
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Planning:ApplyLead", "3.00:00:00");
            builder.UseSetting("Planning:SchedulerInterval", "00:00:00.200");
        }
    }

    [Fact]
    public async Task APlanDueWithinTheLead_IsAppliedByTheScheduler_AndOneFurtherOutWaits()
    {
        await using var server = new SchedulingServer();
        using var admin = server.CreateClient();
        using var planner = server.CreateClient();
        planner.DefaultRequestHeaders.Authorization = new("Bearer", TestKeys.Planner);
        Assert.True((await admin.PutAsJsonAsync("/api/workspaces/scheduled/company", Create())).IsSuccessStatusCode);
        var soon = await ScheduleAsync(planner, admin, Account(0, 0), DateTimeOffset.UtcNow.Date.AddDays(2));
        var later = await ScheduleAsync(planner, admin, Account(0, 1), DateTimeOffset.UtcNow.Date.AddDays(10));

        JsonObject plan;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        do
        {
            await Task.Delay(100);
            plan = (await admin.GetFromJsonAsync<JsonObject>($"/api/workspaces/scheduled/plans/{soon}"))!;
        }
        while (plan["status"]!.GetValue<string>() != "applied" && DateTime.UtcNow < deadline);

        Assert.Equal("applied", plan["status"]!.GetValue<string>());
        Assert.Equal("scheduler", plan["steps"]![3]!["by"]!.GetValue<string>());
        Assert.Equal("scheduled", (await admin.GetFromJsonAsync<JsonObject>($"/api/workspaces/scheduled/plans/{later}"))!["status"]!.GetValue<string>());
        var company = await admin.GetFromJsonAsync<JsonObject>("/api/workspaces/scheduled/company");
        Assert.Equal("t1", company!["accounts"]!.AsArray().Single(a => a!["id"]!.GetValue<string>() == Account(0, 0))!["territoryId"]!.GetValue<string>());
    }

    private static async Task<string> ScheduleAsync(HttpClient planner, HttpClient admin, string account, DateTimeOffset effectiveAt)
    {
        var moves = new JsonArray(new JsonObject { ["kind"] = "moveAccount", ["accountId"] = account, ["toRepId"] = Rep(1, 0) });
        var drafted = await planner.PostAsJsonAsync("/api/workspaces/scheduled/plans",
            new JsonObject { ["name"] = $"Move {account}", ["effectiveAt"] = effectiveAt.ToString("O"), ["moves"] = moves });
        var id = (await drafted.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/workspaces/scheduled/plans/{id}/approve", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await planner.PostAsync($"/api/workspaces/scheduled/plans/{id}/schedule", null)).StatusCode);
        return id;
    }
}
