namespace TerritoryGrid.Domain.Commercial;

/// <summary>What one calendar month's events booked: won value (wins) and revenue (orders).</summary>
public readonly record struct MonthlyMoney(double WonValue, double Revenue);
