using TerritoryGrid.Domain.Pipeline;

namespace TerritoryGrid.Domain.Commercial;

/// <summary>
/// A rep's or territory's figures against its quota in the fiscal quarter and year holding its watermark, and its
/// revenue against the previous fiscal year. Every amount is in <see cref="Currency"/>.
/// </summary>
/// <remarks>
/// Money is kept by calendar month, so periods (whole months) are exact whatever order events arrived in. Year-over-year
/// growth compares the fiscal year's completed months with the same months a year before: the current month is still
/// open, and a like-for-like span of days a year ago is not kept.
/// </remarks>
public sealed record PeriodPerformance(
    string Currency,
    string Period,
    DateTimeOffset PeriodStart,
    DateTimeOffset PeriodEnd,
    double? Quota,
    QuotaSource QuotaSource,
    double WonValue,
    double? Attainment,
    double? RemainingQuota,
    double OpenPipeline,
    double? PipelineCoverage,
    string FiscalYear,
    double? YearQuota,
    QuotaSource YearQuotaSource,
    double YearWonValue,
    double? YearAttainment,
    double RevenueYearToDate,
    int ComparedMonths,
    double RevenueComparedMonths,
    double RevenueSameMonthsLastYear,
    double? YearOverYearGrowth)
{
    public static PeriodPerformance Compute(
        FiscalCalendar calendar, string currency, DateTimeOffset watermark, IReadOnlyDictionary<int, MonthlyMoney> months,
        PeriodQuotas quotas, double openPipeline)
    {
        var quarter = calendar.QuarterOf(watermark);
        var year = calendar.YearOf(watermark);
        var current = FiscalCalendar.MonthIndex(watermark);
        var (quota, source) = quotas.For(calendar, quarter);
        var (yearQuota, yearSource) = quotas.For(calendar, year);
        var won = Sum(months, quarter.FirstMonth, current, m => m.WonValue);
        var yearWon = Sum(months, year.FirstMonth, current, m => m.WonValue);
        double? remaining = quota is { } q ? Math.Max(0, q - won) : null;
        var compared = current - year.FirstMonth;
        var revenueCompared = Sum(months, year.FirstMonth, current - 1, m => m.Revenue);
        var revenueBefore = Sum(months, year.FirstMonth - 12, current - 13, m => m.Revenue);
        return new PeriodPerformance(
            currency, quarter.Name, quarter.Start, quarter.End, quota, source, won,
            quota is { } forAttainment && forAttainment > 0 ? won / forAttainment : null,
            remaining, openPipeline,
            remaining is > 0 ? openPipeline / remaining : null,
            year.Name, yearQuota, yearSource, yearWon,
            yearQuota is { } forYear && forYear > 0 ? yearWon / forYear : null,
            Sum(months, year.FirstMonth, current, m => m.Revenue),
            compared, revenueCompared, revenueBefore,
            compared > 0 && revenueBefore > 0 ? Rates.Ratio(revenueCompared, revenueBefore) - 1 : null);
    }

    private static double Sum(IReadOnlyDictionary<int, MonthlyMoney> months, int from, int through, Func<MonthlyMoney, double> amount)
    {
        double sum = 0;
        for (var month = from; month <= through; month++)
        {
            if (months.TryGetValue(month, out var money))
            {
                sum += amount(money);
            }
        }

        return sum;
    }
}
