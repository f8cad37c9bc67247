using TerritoryGrid.Domain.Coverage;
using TerritoryGrid.Simulator.Reporting;
using TerritoryGrid.Simulator.Running;
using TerritoryGrid.Simulator.Scenarios;

namespace TerritoryGrid.Simulator.Tests.Running;

public sealed class BatchRunnerTests
{
    /// <summary>Four territories that all start comfortably covered; terr-02's demand triples in weeks 7 to 10.</summary>
    private static Scenario ShockScenario() => new(
        "terr-02 triples",
        Seed: 3,
        new ScenarioCompany(Territories: 4, Reps: 48, Accounts: 1200, Seed: 99, LowestCoverage: 1.1, HighestCoverage: 1.1),
        new ScenarioPeriod(new DateOnly(2025, 3, 3), 20),
        Shocks: [new Shock("triple", new DateOnly(2025, 4, 14), new DateOnly(2025, 5, 11), 12.0, Territory: "terr-02")]);

    [Fact]
    public async Task Shock_PushesTheShockedTerritoryUnderServedInItsWeeks_AndBackAfterwards()
    {
        var result = await new BatchRunner().RunAsync(ShockScenario());

        var shocked = result.Territories.Where(r => r.TerritoryId == "terr-02").ToDictionary(r => r.Week, r => r.Status);
        Assert.All(Enumerable.Range(1, 5), week => Assert.NotEqual(ServiceStatus.UnderServed, shocked[week]));
        Assert.True(Enumerable.Range(8, 4).Count(week => shocked[week] == ServiceStatus.UnderServed) >= 3,
            $"terr-02 by week: {string.Join(", ", shocked.OrderBy(s => s.Key).Select(s => $"{s.Key}:{s.Value}"))}");
        Assert.All(Enumerable.Range(19, 2), week => Assert.NotEqual(ServiceStatus.UnderServed, shocked[week]));
        var others = result.Territories.Where(r => r.TerritoryId != "terr-02" && r.Week is >= 8 and <= 11);
        Assert.True(others.Count(r => r.Status == ServiceStatus.UnderServed) <= 1, "the shock is felt where it hits");
        Assert.Equal(20, result.Balance.Count);
        // Every generated event was accepted, and every week was read after the territories had counted all of them.
        Assert.Equal(0, result.Refused);
        Assert.Equal(result.Activity.Count, result.Events);
        Assert.Equal(result.Events, result.CountedByTerritories);
        Assert.Empty(result.WeeksNotDrained);
    }

    [Fact]
    public async Task AttritionThenHires_UnderServeTheTerritoryUntilTheNewRepsHaveRampedUp()
    {
        var scenario = new Scenario(
            "terr-03 loses two thirds of its reps",
            Seed: 4,
            new ScenarioCompany(Territories: 4, Reps: 48, Accounts: 1200, Seed: 99, LowestCoverage: 1.1, HighestCoverage: 1.1),
            new ScenarioPeriod(new DateOnly(2025, 3, 3), 20),
            RepEvents:
            [
                new RepEvent("attrition", "terr-03", new DateOnly(2025, 3, 31), Count: 8),
                new RepEvent("hire", "terr-03", new DateOnly(2025, 5, 12), Count: 8, RampWeeks: 3),
            ]);

        var result = await new BatchRunner().RunAsync(scenario);

        var status = result.Territories.Where(r => r.TerritoryId == "terr-03").ToDictionary(r => r.Week, r => r.Status);
        var trace = string.Join(", ", status.OrderBy(s => s.Key).Select(s => $"{s.Key}:{s.Value}"));
        Assert.All(Enumerable.Range(1, 4), week => Assert.NotEqual(ServiceStatus.UnderServed, status[week]));
        Assert.All(Enumerable.Range(6, 5), week => Assert.True(status[week] == ServiceStatus.UnderServed, trace));
        Assert.All(Enumerable.Range(18, 3), week => Assert.True(status[week] != ServiceStatus.UnderServed, trace));
        var capacity = result.Territories.Where(r => r.TerritoryId == "terr-03").ToDictionary(r => r.Week, r => r.CapacityHours);
        Assert.True(capacity[7] < capacity[2] * 0.5, $"capacity {capacity[2]:0} → {capacity[7]:0}");
        Assert.True(capacity[19] > capacity[7] * 1.5, $"capacity {capacity[7]:0} → {capacity[19]:0} after the hires ramped up");
    }

    [Fact]
    public async Task FromFile_SimulatesTheCompanyInTheFile_AndFromWorkspaceNeedsLiveMode()
    {
        var directory = Directory.CreateTempSubdirectory("company-");
        try
        {
            var company = TerritoryGrid.Synthetic.Companies.CompanyGenerator.Generate(new TerritoryGrid.Synthetic.Companies.CompanySpec
            {
                TerritoryCount = 2, RepCount = 8, AccountCount = 150, Seed = 2,
            });
            File.WriteAllBytes(Path.Combine(directory.FullName, "company.json"),
                System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(company, TerritoryGrid.Application.TerritoryGridJson.Options));
            File.WriteAllText(Path.Combine(directory.FullName, "scenario.json"), """
                { "name": "from a file", "seed": 1, "company": { "fromFile": "company.json" }, "period": { "start": "2025-01-06", "weeks": 3 } }
                """);

            var result = await new BatchRunner().RunAsync(ScenarioLoader.Load(Path.Combine(directory.FullName, "scenario.json")));
            var fromWorkspace = ShockScenario() with { Company = new ScenarioCompany(FromWorkspace: "live"), Shocks = [] };
            var error = await Assert.ThrowsAsync<ScenarioException>(() => new BatchRunner().RunAsync(fromWorkspace));

            Assert.Equal(["terr-01", "terr-02"], result.Territories.Select(r => r.TerritoryId).Distinct().Order());
            Assert.Contains("fromWorkspace needs live mode", error.Message);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task SameScenarioTwice_GivesTheSameReport()
    {
        var scenario = ShockScenario() with { Period = new ScenarioPeriod(new DateOnly(2025, 3, 3), 8) };

        var first = await new BatchRunner().RunAsync(scenario);
        var second = await new BatchRunner().RunAsync(scenario);

        Assert.Equal(first.Events, second.Events);
        Assert.Equal(CsvReport.Weekly(first), CsvReport.Weekly(second));
        Assert.Equal(CsvReport.Balance(first), CsvReport.Balance(second));
        Assert.Contains("<svg", HtmlReport.Render(first));
    }
}
