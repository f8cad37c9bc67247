using System.Text.Json;
using TerritoryGrid.Application;
using TerritoryGrid.Synthetic.Companies;

namespace TerritoryGrid.Simulator.Scenarios;

/// <summary>
/// Reads and validates a scenario file before anything runs: a malformed file, an unknown region or industry, a
/// negative multiplier or shocks that overlap on the same accounts fail with the file, the field and the problem.
/// </summary>
public static class ScenarioLoader
{
    public const int MaxWeeks = 156;

    public static Scenario Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new ScenarioException([new ScenarioError(path, "$", "file not found")]);
        }

        Scenario? scenario;
        try
        {
            scenario = JsonSerializer.Deserialize<Scenario>(File.ReadAllBytes(path), TerritoryGridJson.Options);
        }
        catch (JsonException error)
        {
            var message = error.Message.Split(" Path:")[0];
            throw new ScenarioException([new ScenarioError(path, error.Path ?? "$", $"malformed scenario (line {error.LineNumber + 1}): {message}")]);
        }

        var errors = Validate(path, scenario);
        if (errors.Count > 0)
        {
            throw new ScenarioException(errors);
        }

        // A company file is named relative to the scenario: keep where it is, wherever the simulator runs from.
        return scenario!.Company.FromFile is { } companyFile
            ? scenario with { Company = scenario.Company with { FromFile = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, companyFile)) } }
            : scenario!;
    }

    public static IReadOnlyList<ScenarioError> Validate(string file, Scenario? scenario)
    {
        var errors = new List<ScenarioError>();
        void Error(string field, string message) => errors.Add(new ScenarioError(file, field, message));
        if (scenario is null)
        {
            Error("$", "a scenario object is required");
            return errors;
        }

        if (string.IsNullOrWhiteSpace(scenario.Name))
        {
            Error("$.name", "is required");
        }

        var company = scenario.Company;
        if (company is null)
        {
            Error("$.company", "is required");
        }
        else if (company.FromWorkspace is not null && company.FromFile is not null)
        {
            Error("$.company", "name fromWorkspace or fromFile, not both");
        }
        else if (company.FromFile is { } companyFile && !File.Exists(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(file)) ?? "", companyFile)))
        {
            Error("$.company.fromFile", $"file '{companyFile}' not found next to the scenario");
        }
        else if (company.FromWorkspace is null && company.FromFile is null)
        {
            if (company.Territories is < 1 or > 1_000) Error("$.company.territories", "must be between 1 and 1000");
            if (company.Reps < 2 * company.Territories) Error("$.company.reps", "needs at least two reps per territory (an inside and an outside rep)");
            if (company.Accounts < company.Territories) Error("$.company.accounts", "needs at least one account per territory");
            if (company.LowestCoverage <= 0 || company.HighestCoverage < company.LowestCoverage)
            {
                Error("$.company.lowestCoverage", "must be positive and no higher than highestCoverage");
            }
        }

        if (scenario.Period is null)
        {
            Error("$.period", "is required");
        }
        else if (scenario.Period.Weeks is < 1 or > MaxWeeks)
        {
            Error("$.period.weeks", $"must be between 1 and {MaxWeeks}");
        }

        ValidateCurves(scenario.Seasonality?.Industries, "$.seasonality.industries", TerritoryGrid.Synthetic.Companies.Regions.Industries, Error);
        ValidateCurves(scenario.Seasonality?.Regions, "$.seasonality.regions", TerritoryGrid.Synthetic.Companies.Regions.Names, Error);
        ValidateShocks(scenario, Error);
        ValidateRepEvents(scenario, Error);
        return errors;
    }

    private static void ValidateCurves(IReadOnlyDictionary<string, double[]>? curves, string field, IReadOnlyList<string> known, Action<string, string> error)
    {
        foreach (var (name, values) in curves ?? new Dictionary<string, double[]>())
        {
            if (!known.Contains(name))
            {
                error($"{field}.{name}", $"unknown {(field.EndsWith("regions") ? "region" : "industry")} '{name}'; expected one of {string.Join(", ", known)}");
            }
            else if (values is null || values.Length != 12)
            {
                error($"{field}.{name}", "needs 12 monthly multipliers, January first");
            }
            else
            {
                for (var m = 0; m < 12; m++)
                {
                    if (!double.IsFinite(values[m]) || values[m] < 0 || values[m] > 100)
                    {
                        error($"{field}.{name}[{m}]", $"multiplier {values[m]} must be between 0 and 100");
                    }
                }
            }
        }
    }

    private static void ValidateShocks(Scenario scenario, Action<string, string> error)
    {
        var shocks = scenario.Shocks ?? [];
        for (var i = 0; i < shocks.Count; i++)
        {
            var shock = shocks[i];
            var field = $"$.shocks[{i}]";
            if (string.IsNullOrWhiteSpace(shock.Name)) error($"{field}.name", "is required");
            if (shock.To < shock.From) error($"{field}.to", $"{shock.To:yyyy-MM-dd} is before from {shock.From:yyyy-MM-dd}");
            if (!double.IsFinite(shock.Multiplier) || shock.Multiplier <= 0 || shock.Multiplier > 100)
            {
                error($"{field}.multiplier", $"{shock.Multiplier} must be above 0 and at most 100");
            }

            if (shock.Region is null && shock.Industry is null && shock.Territory is null)
            {
                error(field, "names no region, industry or territory: say which accounts it hits");
            }

            if (shock.Region is { } region && !TerritoryGrid.Synthetic.Companies.Regions.Names.Contains(region))
            {
                error($"{field}.region", $"unknown region '{region}'; expected one of {string.Join(", ", TerritoryGrid.Synthetic.Companies.Regions.Names)}");
            }

            if (shock.Industry is { } industry && !TerritoryGrid.Synthetic.Companies.Regions.Industries.Contains(industry))
            {
                error($"{field}.industry", $"unknown industry '{industry}'; expected one of {string.Join(", ", TerritoryGrid.Synthetic.Companies.Regions.Industries)}");
            }

            for (var j = 0; j < i; j++)
            {
                var other = shocks[j];
                if (other.Region == shock.Region && other.Industry == shock.Industry && other.Territory == shock.Territory &&
                    shock.From <= other.To && other.From <= shock.To)
                {
                    error(field, $"overlaps shock '{other.Name}' on the same accounts from {Max(shock.From, other.From):yyyy-MM-dd}; combine them into one shock");
                }
            }
        }
    }

    private static void ValidateRepEvents(Scenario scenario, Action<string, string> error)
    {
        var events = scenario.RepEvents ?? [];
        var generated = scenario.Company is { FromWorkspace: null, FromFile: null };
        var territories = scenario.Company?.Territories ?? 0;
        for (var i = 0; i < events.Count; i++)
        {
            var repEvent = events[i];
            var field = $"$.repEvents[{i}]";
            if (repEvent.Kind is not ("leave" or "attrition" or "hire"))
            {
                error($"{field}.kind", $"'{repEvent.Kind}' is not one of leave, attrition, hire");
            }

            if (generated && (!int.TryParse(repEvent.Territory?.Replace("terr-", "", StringComparison.Ordinal), out var number) || number < 1 || number > territories))
            {
                error($"{field}.territory", $"'{repEvent.Territory}' is not a territory of the generated company (terr-01 … terr-{territories:D2})");
            }

            if (repEvent.Count is < 1 or > 1_000)
            {
                error($"{field}.count", "must be between 1 and 1000");
            }

            if (repEvent.Kind == "leave" && (repEvent.To is not { } to || to <= repEvent.From))
            {
                error($"{field}.to", "a leave needs a 'to' date after 'from'");
            }

            if (repEvent.RampWeeks is < 0 or > 104)
            {
                error($"{field}.rampWeeks", "must be between 0 and 104");
            }
        }
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
