namespace TerritoryGrid.Domain.Commercial;

/// <summary>
/// One owner's imported quotas by period name (FY2027, FY2027-Q3, FY2027-M05), and the rule that picks the quota of a
/// period when none was imported for it exactly.
/// </summary>
public sealed class PeriodQuotas(IReadOnlyDictionary<string, double> byPeriod, double annualQuota)
{
    public static readonly PeriodQuotas None = new(new Dictionary<string, double>(), 0);

    /// <summary>
    /// The period's own imported quota; else the sum of its imported quarters or months; else the fiscal year's imported
    /// quota, else the definition's annual quota, prorated by months.
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

    private double? Parts(FiscalCalendar calendar, FiscalPeriod period, int fiscalYear)
    {
        double sum = 0;
        var found = false;
        var firstMonthOfYear = calendar.FirstMonthOf(fiscalYear);
        if (period.Kind == FiscalPeriodKind.Year)
        {
            for (var quarter = 1; quarter <= 4; quarter++)
            {
                if (byPeriod.TryGetValue(calendar.Quarter(fiscalYear, quarter).Name, out var amount))
                {
                    sum += amount;
                    found = true;
                }
            }
        }

        if (!found && period.Kind != FiscalPeriodKind.Month)
        {
            for (var month = period.FirstMonth; month <= period.LastMonth; month++)
            {
                if (byPeriod.TryGetValue(calendar.Month(fiscalYear, month - firstMonthOfYear + 1).Name, out var amount))
                {
                    sum += amount;
                    found = true;
                }
            }
        }

        return found ? sum : null;
    }
}
