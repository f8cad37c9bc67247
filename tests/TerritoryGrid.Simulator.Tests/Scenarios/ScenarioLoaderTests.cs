using TerritoryGrid.Simulator.Scenarios;

namespace TerritoryGrid.Simulator.Tests.Scenarios;

public sealed class ScenarioLoaderTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("scenario-").FullName;

    private string Write(string json)
    {
        var path = Path.Combine(directory, "scenario.json");
        File.WriteAllText(path, json);
        return path;
    }

    private static string Valid(string shocks = "[]", string seasonality = "{}") => $$"""
        { "name": "test", "seed": 1, "company": { "territories": 2, "reps": 10, "accounts": 100 },
          "period": { "start": "2025-01-06", "weeks": 8 }, "seasonality": {{seasonality}}, "shocks": {{shocks}} }
        """;

    [Fact]
    public void Load_ExampleScenarios_AreValid()
    {
        var examples = Path.Combine(AppContext.BaseDirectory, "scenarios");
        var files = Directory.GetFiles(examples, "*.json").Where(f => !f.EndsWith(".schema.json", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(files);
        Assert.All(files, file => Assert.NotNull(ScenarioLoader.Load(file)));
    }

    [Fact]
    public void Load_MalformedFile_NamesFileAndLine()
    {
        var path = Write("""{ "name": "x", "period": { "weeks": "many" } }""");

        var error = Assert.Single(Assert.Throws<ScenarioException>(() => ScenarioLoader.Load(path)).Errors);

        Assert.Equal(path, error.File);
        Assert.Equal("$.period.weeks", error.Field);
        Assert.Contains("malformed scenario (line 1)", error.Message);
    }

    [Fact]
    public void Load_UnknownRegionNegativeMultiplierAndShortCurve_AreAllNamed()
    {
        var path = Write(Valid(
            shocks: """[{ "name": "bad", "region": "Atlantis", "from": "2025-02-01", "to": "2025-03-01", "multiplier": -2 }]""",
            seasonality: """{ "industries": { "Retail": [1, 2, 3] } }"""));

        var errors = Assert.Throws<ScenarioException>(() => ScenarioLoader.Load(path)).Errors;

        Assert.Contains(errors, e => e.Field == "$.shocks[0].region" && e.Message.StartsWith("unknown region 'Atlantis'"));
        Assert.Contains(errors, e => e.Field == "$.shocks[0].multiplier" && e.Message == "-2 must be above 0 and at most 100");
        Assert.Contains(errors, e => e.Field == "$.seasonality.industries.Retail" && e.Message == "needs 12 monthly multipliers, January first");
    }

    [Fact]
    public void Load_OverlappingShocksOnTheSameAccounts_AreRefused()
    {
        var path = Write(Valid(shocks: """
            [{ "name": "first", "region": "West", "from": "2025-02-01", "to": "2025-03-01", "multiplier": 1.5 },
             { "name": "second", "region": "West", "from": "2025-02-20", "to": "2025-04-01", "multiplier": 2 }]
            """));

        var error = Assert.Single(Assert.Throws<ScenarioException>(() => ScenarioLoader.Load(path)).Errors);

        Assert.Equal("$.shocks[1]", error.Field);
        Assert.Equal("overlaps shock 'first' on the same accounts from 2025-02-20; combine them into one shock", error.Message);
    }

    [Fact]
    public void Load_ShockEndingBeforeItStartsOrHittingNobody_IsRefused()
    {
        var path = Write(Valid(shocks: """[{ "name": "odd", "from": "2025-03-01", "to": "2025-02-01", "multiplier": 2 }]"""));

        var errors = Assert.Throws<ScenarioException>(() => ScenarioLoader.Load(path)).Errors;

        Assert.Contains(errors, e => e.Field == "$.shocks[0].to" && e.Message == "2025-02-01 is before from 2025-03-01");
        Assert.Contains(errors, e => e.Field == "$.shocks[0]" && e.Message.StartsWith("names no region, industry or territory"));
    }

    [Fact]
    public void Load_BadRepEvents_AreNamed()
    {
        var path = Write($$"""
            { "name": "test", "seed": 1, "company": { "territories": 2, "reps": 10, "accounts": 100 },
              "period": { "start": "2025-01-06", "weeks": 8 },
              "repEvents": [ { "kind": "sabbatical", "territory": "terr-01", "from": "2025-02-01" },
                             { "kind": "leave", "territory": "terr-07", "from": "2025-02-01" } ] }
            """);

        var errors = Assert.Throws<ScenarioException>(() => ScenarioLoader.Load(path)).Errors;

        Assert.Contains(errors, e => e.Field == "$.repEvents[0].kind" && e.Message == "'sabbatical' is not one of leave, attrition, hire");
        Assert.Contains(errors, e => e.Field == "$.repEvents[1].territory" && e.Message.StartsWith("'terr-07' is not a territory"));
        Assert.Contains(errors, e => e.Field == "$.repEvents[1].to" && e.Message == "a leave needs a 'to' date after 'from'");
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);
}
