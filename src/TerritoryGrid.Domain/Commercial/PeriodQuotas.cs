namespace TerritoryGrid.Domain.Commercial;

/// <summary>
/// One owner's imported quotas by period name (FY2027, FY2027-Q3, FY2027-M05), and the rule that picks the quota of a
/// period when none was imported for it exactly.
/// </summary>
public sealed class PeriodQuotas(IReadOnlyDictionary<string, double> byPeriod, double annualQuota)
{
    public static readonly PeriodQuotas None = new(new Dictionary<string, double>(), 0);

    /// <summary>
    /// The period's own imported quota; else the sum of its quarters or months when all of them were imported; else the
    /// fiscal year's imported quota, else the definition's annual quota, prorated by months.
    /// </summary>
    public (double? Amount, QuotaSource Source) For(FiscalCalendar calendar, FiscalPeriod period)
    {
        if (byPeriod.TryGetValue(period.Name, out var own))
        {
            return (own, QuotaSource.Imported);
        }

        var fiscalYear = calendar.FiscalYearOfMonth(period.FirstMonth);
        if (Parts(calendar, period, fiscalYear) is { } parts)
        {
            return (parts, QuotaSource.ImportedParts);
        }

        if (period.Kind != FiscalPeriodKind.Year && byPeriod.TryGetValue(calendar.Year(fiscalYear).Name, out var year))
        {
            return (year * period.Months / 12, QuotaSource.FiscalYearProrated);
        }

        return annualQuota > 0 ? (annualQuota * period.Months / 12, QuotaSource.AnnualQuotaProrated) : (null, QuotaSource.None);
    }

    /// <summary>The sum of the period's parts when every one of them was imported (some quarters alone are not a year's quota).</summary>
    private double? Parts(FiscalCalendar calendar, FiscalPeriod period, int fiscalYear)
    {
        if (period.Kind == FiscalPeriodKind.Year && Sum(Enumerable.Range(1, 4).Select(q => calendar.Quarter(fiscalYear, q).Name)) is { } quarters)
        {
            return quarters;
        }

        var firstMonthOfYear = calendar.FirstMonthOf(fiscalYear);
        return period.Kind == FiscalPeriodKind.Month
            ? null
            : Sum(Enumerable.Range(period.FirstMonth, period.Months).Select(m => calendar.Month(fiscalYear, m - firstMonthOfYear + 1).Name));
    }

    private double? Sum(IEnumerable<string> periods)
    {
        double sum = 0;
        foreach (var name in periods)
        {
            if (!byPeriod.TryGetValue(name, out var amount))
            {
                return null;
            }

            sum += amount;
        }

        return sum;
    }
}
