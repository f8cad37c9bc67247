using TerritoryGrid.Domain.Commercial;

namespace TerritoryGrid.Domain.Tests.Commercial;

/// <summary>A fiscal year starting in April; the watermark on 12 November 2026 is in FY2027-Q3 (October–December 2026).</summary>
public sealed class PeriodPerformanceTests
{
    private static readonly FiscalCalendar April = new(4);
    private static readonly DateTimeOffset Watermark = new(2026, 11, 12, 9, 0, 0, TimeSpan.Zero);

    private static int Month(int year, int month) => (year * 12) + month - 1;

    /// <summary>Wins of 4,000 in September (Q2) and 3,000 in October (Q3); orders a year apart.</summary>
    private static readonly Dictionary<int, MonthlyMoney> Months = new()
    {
        [Month(2025, 5)] = new(0, 1000),
        [Month(2025, 8)] = new(0, 500),
        [Month(2025, 10)] = new(0, 300),
        [Month(2025, 11)] = new(0, 9999), // the month of the watermark a year ago: not compared (the current month is open)
        [Month(2026, 3)] = new(0, 700),   // FY2026: neither this fiscal year nor its same months
        [Month(2026, 4)] = new(0, 2000),
        [Month(2026, 9)] = new(4000, 0),
        [Month(2026, 10)] = new(3000, 0),
        [Month(2026, 11)] = new(0, 1200),
    };

    [Fact]
    public void AttainmentAndCoverageUseTheQuartersQuotaAndWins()
    {
        var quotas = new PeriodQuotas(new Dictionary<string, double> { ["FY2027-Q3"] = 10_000, ["FY2027"] = 40_000 }, 0);
        var figures = PeriodPerformance.Compute(April, "EUR", Watermark, Months, quotas, openPipeline: 9000);

        Assert.Equal(("FY2027-Q3", 10_000.0, QuotaSource.Imported, 3000.0), (figures.Period, figures.Quota, figures.QuotaSource, figures.WonValue));
        Assert.Equal(0.3, figures.Attainment!.Value, 12);
        Assert.Equal(7000, figures.RemainingQuota);
        Assert.Equal(9000.0 / 7000, figures.PipelineCoverage!.Value, 12);
        Assert.Equal(("FY2027", 7000.0), (figures.FiscalYear, figures.YearWonValue));
        Assert.Equal(7000.0 / 40_000, figures.YearAttainment!.Value, 12);
    }

    [Fact]
    public void GrowthComparesTheCompletedMonthsWithTheSameMonthsAYearBefore()
    {
        var figures = PeriodPerformance.Compute(April, "EUR", Watermark, Months, PeriodQuotas.None, 0);

        // April–October 2026 (7 months): 2,000; April–October 2025: 1,000 + 500 + 300 = 1,800.
        Assert.Equal((7, 2000.0, 1800.0), (figures.ComparedMonths, figures.RevenueComparedMonths, figures.RevenueSameMonthsLastYear));
        Assert.Equal((2000.0 / 1800) - 1, figures.YearOverYearGrowth!.Value, 12);
        Assert.Equal(3200, figures.RevenueYearToDate);
        Assert.Equal((null, QuotaSource.None, null, null), (figures.Quota, figures.QuotaSource, figures.Attainment, figures.PipelineCoverage));
    }

    [Fact]
    public void InTheFirstMonthOfAFiscalYearThereIsNothingToCompareYet()
    {
        var figures = PeriodPerformance.Compute(April, "EUR", new DateTimeOffset(2026, 4, 20, 0, 0, 0, TimeSpan.Zero), Months, PeriodQuotas.None, 0);
        Assert.Equal((0, (double?)null), (figures.ComparedMonths, figures.YearOverYearGrowth));
    }

    [Theory]
    [InlineData("FY2027-Q3", 1000.0, QuotaSource.Imported)]
    [InlineData("FY2027-M07,FY2027-M08,FY2027-M09", 500.0 + 600 + 700, QuotaSource.ImportedParts)]
    [InlineData("FY2027-M07,FY2027-M08,FY2027", 48_000.0 / 4, QuotaSource.FiscalYearProrated)]
    [InlineData("FY2027", 48_000.0 / 4, QuotaSource.FiscalYearProrated)]
    [InlineData("", 120_000.0 / 4, QuotaSource.AnnualQuotaProrated)]
    public void AQuartersQuotaFallsBackFromItsOwnToAllItsMonthsToTheYearToTheAnnualQuota(string imported, double expected, QuotaSource source)
    {
        var all = new Dictionary<string, double> { ["FY2027-Q3"] = 1000, ["FY2027-M07"] = 500, ["FY2027-M08"] = 600, ["FY2027-M09"] = 700, ["FY2027"] = 48_000 };
        var quotas = new PeriodQuotas(imported.Split(',', StringSplitOptions.RemoveEmptyEntries).ToDictionary(p => p, p => all[p]), annualQuota: 120_000);
        Assert.Equal((expected, source), quotas.For(April, April.Parse("FY2027-Q3").Period!) is var (amount, from) ? (amount!.Value, from) : default);
    }

    [Fact]
    public void AYearsQuotaIsItsQuartersOnlyWhenAllFourWereImported()
    {
        var year = April.Parse("FY2027").Period!;
        var some = new PeriodQuotas(new Dictionary<string, double> { ["FY2027-Q1"] = 1, ["FY2027-Q2"] = 2, ["FY2027-Q3"] = 3 }, annualQuota: 100);
        var all = new PeriodQuotas(new Dictionary<string, double> { ["FY2027-Q1"] = 1, ["FY2027-Q2"] = 2, ["FY2027-Q3"] = 3, ["FY2027-Q4"] = 4 }, annualQuota: 100);

        Assert.Equal(((double?)100, QuotaSource.AnnualQuotaProrated), some.For(April, year));
        Assert.Equal(((double?)10, QuotaSource.ImportedParts), all.For(April, year));
    }

    [Fact]
    public void AQuotaReachedLeavesNoRemainderToCover()
    {
        var quotas = new PeriodQuotas(new Dictionary<string, double> { ["FY2027-Q3"] = 2500 }, 0);
        var figures = PeriodPerformance.Compute(April, "EUR", Watermark, Months, quotas, openPipeline: 9000);
        Assert.Equal((1.2, 0.0, (double?)null), (Math.Round(figures.Attainment!.Value, 12), figures.RemainingQuota!.Value, figures.PipelineCoverage));
    }
}
