using System.Globalization;
using System.Text.RegularExpressions;

namespace TerritoryGrid.Domain.Commercial;

/// <summary>
/// A fiscal year starting on the first day (UTC) of <see cref="StartMonth"/>, named after the calendar year it ends in
/// (a year starting in April 2026 is FY2027; starting in January, FY2026 is calendar 2026), in four quarters of three
/// months. Periods are written FY2027, FY2027-Q1 … Q4 and FY2027-M01 … M12 (fiscal months).
/// </summary>
public readonly partial record struct FiscalCalendar
{
    public FiscalCalendar(int startMonth)
    {
        if (startMonth is < 1 or > 12)
        {
            throw new ArgumentOutOfRangeException(nameof(startMonth), startMonth, "a fiscal year starts in a month from 1 to 12");
        }

        StartMonth = startMonth;
    }

    public int StartMonth { get; }

    /// <summary>Months since year 0 (year × 12 + month − 1): the key of monthly figures.</summary>
    public static int MonthIndex(DateTimeOffset at)
    {
        var utc = at.UtcDateTime;
        return (utc.Year * 12) + utc.Month - 1;
    }

    public static DateTimeOffset MonthStart(int monthIndex) => new(monthIndex / 12, (monthIndex % 12) + 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The month index of the first month of fiscal year <paramref name="fiscalYear"/>.</summary>
    public int FirstMonthOf(int fiscalYear) => StartMonth == 1 ? fiscalYear * 12 : ((fiscalYear - 1) * 12) + StartMonth - 1;

    public int FiscalYearOf(DateTimeOffset at) => FiscalYearOfMonth(MonthIndex(at));

    public int FiscalYearOfMonth(int monthIndex)
    {
        var year = monthIndex / 12;
        var month = (monthIndex % 12) + 1;
        return StartMonth == 1 || month < StartMonth ? year : year + 1;
    }

    public FiscalPeriod Year(int fiscalYear) => new($"FY{fiscalYear}", FiscalPeriodKind.Year, FirstMonthOf(fiscalYear), 12);

    public FiscalPeriod Quarter(int fiscalYear, int quarter) =>
        new($"FY{fiscalYear}-Q{quarter}", FiscalPeriodKind.Quarter, FirstMonthOf(fiscalYear) + ((quarter - 1) * 3), 3);

    public FiscalPeriod Month(int fiscalYear, int month) =>
        new(string.Create(CultureInfo.InvariantCulture, $"FY{fiscalYear}-M{month:00}"), FiscalPeriodKind.Month, FirstMonthOf(fiscalYear) + month - 1, 1);

    /// <summary>The fiscal quarter holding <paramref name="at"/>.</summary>
    public FiscalPeriod QuarterOf(DateTimeOffset at)
    {
        var month = MonthIndex(at);
        var year = FiscalYearOfMonth(month);
        return Quarter(year, ((month - FirstMonthOf(year)) / 3) + 1);
    }

    public FiscalPeriod YearOf(DateTimeOffset at) => Year(FiscalYearOf(at));

    /// <summary>Reads FY2027, FY2027-Q3 or FY2027-M05 (case-insensitive); null and why not when it is none of them.</summary>
    public (FiscalPeriod? Period, string? Problem) Parse(string? text)
    {
        var match = PeriodPattern().Match(text?.Trim() ?? "");
        if (!match.Success)
        {
            return (null, $"'{text}' is not a fiscal period: write FY2027 (a fiscal year), FY2027-Q1 … FY2027-Q4 (a quarter) or FY2027-M01 … FY2027-M12 (a fiscal month)");
        }

        var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        if (year is < 2000 or > 2200)
        {
            return (null, $"'{text}': fiscal year {year} is outside 2000–2200");
        }

        if (match.Groups["quarter"].Success)
        {
            var quarter = int.Parse(match.Groups["quarter"].Value, CultureInfo.InvariantCulture);
            return quarter is >= 1 and <= 4 ? (Quarter(year, quarter), null) : (null, $"'{text}': a fiscal year has quarters Q1 to Q4");
        }

        if (match.Groups["month"].Success)
        {
            var month = int.Parse(match.Groups["month"].Value, CultureInfo.InvariantCulture);
            return month is >= 1 and <= 12 ? (Month(year, month), null) : (null, $"'{text}': a fiscal year has months M01 to M12");
        }

        return (Year(year), null);
    }

    [GeneratedRegex(@"^FY(?<year>\d{4})(-(Q(?<quarter>\d)|M(?<month>\d{1,2})))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PeriodPattern();
}
