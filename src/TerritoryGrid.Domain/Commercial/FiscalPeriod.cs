namespace TerritoryGrid.Domain.Commercial;

/// <summary>
/// A fiscal year, quarter or month: <see cref="Months"/> whole calendar months from <see cref="FirstMonth"/> (a
/// <see cref="FiscalCalendar.MonthIndex"/>), so figures kept by month add up to it exactly.
/// </summary>
public sealed record FiscalPeriod(string Name, FiscalPeriodKind Kind, int FirstMonth, int Months)
{
    public int LastMonth => FirstMonth + Months - 1;

    public DateTimeOffset Start => FiscalCalendar.MonthStart(FirstMonth);

    /// <summary>The first instant after the period.</summary>
    public DateTimeOffset End => FiscalCalendar.MonthStart(FirstMonth + Months);

    public bool Contains(int monthIndex) => monthIndex >= FirstMonth && monthIndex <= LastMonth;
}
