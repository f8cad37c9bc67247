using TerritoryGrid.Testing;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using TerritoryGrid.Simulator.Running;
using TerritoryGrid.Simulator.Scenarios;

namespace TerritoryGrid.Simulator.Tests.Running;

public sealed class LiveRunnerTests
{
    private static Scenario Small() => new(
        "live test", 5, new ScenarioCompany(Territories: 2, Reps: 8, Accounts: 200, Seed: 3),
        new ScenarioPeriod(new DateOnly(2030, 1, 7), 3),
        Shocks: [new Shock("spike", new DateOnly(2030, 1, 14), new DateOnly(2030, 1, 20), 2, Territory: "terr-01")]);

    [Fact]
    public void EndingToday_MovesPeriodAndShocksByWholeWeeksIntoThePast()
    {
        var moved = LiveRunner.EndingToday(Small(), new DateOnly(2026, 11, 24));

        var end = moved.Period.Start.AddDays(21);
        Assert.True(end <= new DateOnly(2026, 11, 24) && end > new DateOnly(2026, 11, 17));
        Assert.Equal(DayOfWeek.Monday, moved.Period.Start.DayOfWeek);
        Assert.Equal(moved.Period.Start.AddDays(7), moved.Shocks![0].From);
    }

    [Fact]
    public void HttpTarget_RefusesTheLiveWorkspace()
    {
        var error = Assert.Throws<ArgumentException>(() => new HttpTarget(new Uri("http://127.0.0.1:1"), "live"));

        Assert.StartsWith("live mode writes into a sandbox workspace, not 'live'", error.Message);
    }

    [Fact]
    public async Task LiveMode_RunsTheSeasonIntoASandboxOfARunningServer()
    {
        await using var server = new Server();
        using var http = TestKeys.Client(server.ClientOptions.BaseAddress);

        var result = await new LiveRunner().RunAsync(Small(), server.ClientOptions.BaseAddress, "season-live", daysPerSecond: 200, apiKey: TestKeys.Planner);

        Assert.Equal(3, result.Balance.Count);
        Assert.Equal(6, result.Territories.Count);
        var workspaces = await http.GetFromJsonAsync<JsonArray>("/api/workspaces");
        var sandbox = workspaces!.Single(w => (string)w!["name"]! == "season-live")!;
        Assert.Equal("sandbox", (string)sandbox["kind"]!);
        var territories = await http.GetFromJsonAsync<JsonObject>("/api/workspaces/season-live/territories");
        Assert.Equal(result.Events, territories!["territories"]!.AsArray().Sum(t => (long)t!["totals"]!["events"]!));
    }

    [Fact]
    public async Task LiveMode_FromWorkspace_SimulatesACopyOfTheCompanyAlreadyLoaded()
    {
        await using var server = new Server();
        using var http = TestKeys.Client(server.ClientOptions.BaseAddress);
        var company = TerritoryGrid.Synthetic.Companies.CompanyGenerator.Generate(new TerritoryGrid.Synthetic.Companies.CompanySpec
        {
            TerritoryCount = 3, RepCount = 12, AccountCount = 300, Seed = 8, Name = "The real company",
        });
        var load = await http.PutAsJsonAsync("/api/workspaces/live/company", company, TerritoryGrid.Application.TerritoryGridJson.Options);
        Assert.True(load.IsSuccessStatusCode, await load.Content.ReadAsStringAsync());
        var scenario = Small() with { Company = new ScenarioCompany(FromWorkspace: "live"), Shocks = [] };

        var result = await new LiveRunner().RunAsync(scenario, server.ClientOptions.BaseAddress, "what-if", daysPerSecond: 500, apiKey: TestKeys.Planner);

        Assert.Equal(company.Territories.Select(t => t.Id).Order(), result.Territories.Select(r => r.TerritoryId).Distinct().Order());
        var sandbox = await http.GetFromJsonAsync<JsonObject>("/api/workspaces/what-if");
        Assert.Equal("The real company", (string)sandbox!["companyName"]!);
        var live = await http.GetFromJsonAsync<JsonObject>("/api/workspaces/live/territories");
        Assert.Equal(0, live!["territories"]!.AsArray().Sum(t => (long)t!["totals"]!["events"]!));
    }

    private sealed class Server() : TerritoryGrid.Testing.TestServer(kestrel: true);
}
