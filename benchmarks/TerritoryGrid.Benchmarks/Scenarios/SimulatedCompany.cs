using TerritoryGrid.Simulator.Scenarios;

namespace TerritoryGrid.Benchmarks.Scenarios;

/// <summary>The size of a generated company simulated by the scenarios that run the simulator (2 and 5a), and its scenario.</summary>
internal sealed record SimulatedCompany(int Territories, int Reps, int Accounts, int Weeks)
{
    /// <summary>The company's seed: the stress test drafts its plans on the same company the simulation generates.</summary>
    public const int CompanySeed = 20261123;

    public Scenario Scenario(string name) => new(name, Seed: 7,
        new ScenarioCompany(Territories, Reps, Accounts, Seed: CompanySeed),
        new ScenarioPeriod(new DateOnly(2025, 1, 6), Weeks));
}
