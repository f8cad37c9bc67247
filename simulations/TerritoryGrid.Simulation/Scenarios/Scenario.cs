namespace TerritoryGrid.Simulator.Scenarios;

/// <summary>A what-if scenario, as written in a scenario file (see simulations/README.md and scenarios/scenario.schema.json).</summary>
public sealed record Scenario(
    string Name,
    int Seed,
    ScenarioCompany Company,
    ScenarioPeriod Period,
    Seasonality? Seasonality = null,
    IReadOnlyList<Shock>? Shocks = null,
    IReadOnlyList<RepEvent>? RepEvents = null);

/// <summary>
/// The company: generated with Bogus from <see cref="Seed"/> (sizes and the spread of its territories' starting
/// coverage), or an existing one — <see cref="FromWorkspace"/> (live mode: the company loaded in that workspace of the
/// running TerritoryGrid, copied into the sandbox) or <see cref="FromFile"/> (a company JSON file, as the API takes).
/// </summary>
public sealed record ScenarioCompany(
    int Territories = 20,
    int Reps = 400,
    int Accounts = 20_000,
    int Seed = 20261123,
    double LowestCoverage = 0.72,
    double HighestCoverage = 1.45,
    string? FromWorkspace = null,
    string? FromFile = null);

/// <summary>The simulated weeks: <see cref="Start"/> (a date) and how many weeks follow.</summary>
public sealed record ScenarioPeriod(DateOnly Start, int Weeks);

/// <summary>Monthly demand multipliers (12 values, January first) by industry and by region.</summary>
public sealed record Seasonality(
    IReadOnlyDictionary<string, double[]>? Industries = null,
    IReadOnlyDictionary<string, double[]>? Regions = null);

/// <summary>
/// A demand shock: from <see cref="From"/> to <see cref="To"/> (inclusive dates), the demand of the accounts in
/// <see cref="Region"/>, <see cref="Industry"/> and/or <see cref="Territory"/> is multiplied by <see cref="Multiplier"/>.
/// </summary>
public sealed record Shock(
    string Name,
    DateOnly From,
    DateOnly To,
    double Multiplier,
    string? Region = null,
    string? Industry = null,
    string? Territory = null);

/// <summary>
/// A change of a territory's reps: <c>leave</c> (<see cref="Count"/> reps away from <see cref="From"/> to
/// <see cref="To"/>), <c>attrition</c> (they leave for good on <see cref="From"/>) or <c>hire</c> (new reps join on
/// <see cref="From"/>, ramping up to full availability over <see cref="RampWeeks"/>).
/// </summary>
public sealed record RepEvent(
    string Kind,
    string Territory,
    DateOnly From,
    DateOnly? To = null,
    int Count = 1,
    int RampWeeks = 12);
