using TerritoryGrid.Domain.Commercial;

namespace TerritoryGrid.Domain.Tests.Commercial;

public sealed class FiscalCalendarTests
{
    private static DateTimeOffset At(int year, int month, int day) => new(year, month, day, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(1, 2026, 1, 1, "FY2026", "FY2026-Q1")]
    [InlineData(1, 2026, 12, 31, "FY2026", "FY2026-Q4")]
    [InlineData(4, 2026, 3, 31, "FY2026", "FY2026-Q4")]
    [InlineData(4, 2026, 4, 1, "FY2027", "FY2027-Q1")]
    [InlineData(4, 2026, 11, 12, "FY2027", "FY2027-Q3")]
    [InlineData(7, 2026, 6, 30, "FY2026", "FY2026-Q4")]
    [InlineData(7, 2026, 7, 1, "FY2027", "FY2027-Q1")]
    [InlineData(12, 2026, 12, 1, "FY2027", "FY2027-Q1")]
    public void AFiscalYearIsNamedAfterTheYearItEndsIn(int startMonth, int year, int month, int day, string fiscalYear, string quarter)
    {
        var calendar = new FiscalCalendar(startMonth);
        Assert.Equal(fiscalYear, calendar.YearOf(At(year, month, day)).Name);
        Assert.Equal(quarter, calendar.QuarterOf(At(year, month, day)).Name);
    }

    [Fact]
    public void PeriodsAreWholeMonthsFromTheFiscalYearsStart()
    {
        var calendar = new FiscalCalendar(4);
        var q3 = calendar.Parse("fy2027-q3").Period!;
        Assert.Equal(("FY2027-Q3", new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero)),
            (q3.Name, q3.Start, q3.End));
        var year = calendar.Parse("FY2027").Period!;
        Assert.Equal((new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero), 12), (year.Start, year.Months));
        var month = calendar.Parse("FY2027-M12").Period!;
        Assert.Equal(new DateTimeOffset(2027, 3, 1, 0, 0, 0, TimeSpan.Zero), month.Start);
    }

    [Theory]
    [InlineData("2027-Q1", "is not a fiscal period")]
    [InlineData("FY2027-Q5", "quarters Q1 to Q4")]
    [InlineData("FY2027-M13", "months M01 to M12")]
    [InlineData("FY1999", "outside 2000–2200")]
    [InlineData("", "is not a fiscal period")]
    public void AWrongPeriodSaysWhatIsExpected(string text, string expected)
    {
        var (period, problem) = new FiscalCalendar(1).Parse(text);
        Assert.Null(period);
        Assert.Contains(expected, problem);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(13)]
    public void AStartMonthOutsideTheYearIsRefused(int month) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new FiscalCalendar(month));

    [Theory]
    [InlineData("eur", "EUR", null)]
    [InlineData(" USD ", "USD", null)]
    [InlineData("EURO", null, "not an ISO 4217 currency code")]
    [InlineData("U$D", null, "not an ISO 4217 currency code")]
    public void ACurrencyIsThreeLetters(string text, string? code, string? problem)
    {
        var parsed = CurrencyCode.Parse(text);
        Assert.Equal(code, parsed.Code);
        if (problem is null)
        {
            Assert.Null(parsed.Problem);
        }
        else
        {
            Assert.Contains(problem, parsed.Problem);
        }
    }
}
