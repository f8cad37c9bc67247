using TerritoryGrid.Domain.Balance;

namespace TerritoryGrid.Application.Queries;

/// <summary>
/// Company-wide balance: workload and revenue potential per rep should be nearly equal (coefficient of variation
/// and max/min), plus overall coverage and how many territories are in each status; the per-rep values draw the distribution; RepActivityEvents counts the events reps have been credited with.
/// </summary>
public sealed record CompanyBalance(
    string Workspace,
    int Territories,
    int Reps,
    double CapacityHours,
    double DemandHours,
    double? Coverage,
    BalanceFigures WorkloadPerRep,
    BalanceFigures PotentialPerRep,
    IReadOnlyDictionary<string, int> TerritoriesByStatus,
    DateTimeOffset? Watermark,
    IReadOnlyList<double> WorkloadValues,
    IReadOnlyList<double> PotentialValues,
    long RepActivityEvents = 0);
