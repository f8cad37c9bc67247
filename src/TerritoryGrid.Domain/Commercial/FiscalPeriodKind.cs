namespace TerritoryGrid.Domain.Commercial;

public enum FiscalPeriodKind
{
    Year = 0,
    Quarter = 1,
    Month = 2,
}
