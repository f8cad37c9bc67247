namespace TerritoryGrid.Application.Queries;

/// <summary>The orders the territory list can be sorted in.</summary>
public enum TerritorySort
{
    Name = 0,
    Coverage = 1,
    Adherence = 2,
    Revenue = 3,
    NetProfit = 4,
    Conversion = 5,
    DemandHours = 6,
    RevenueAtRisk = 7,
    Status = 8,
}
