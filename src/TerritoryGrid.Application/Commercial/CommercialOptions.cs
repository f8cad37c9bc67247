namespace TerritoryGrid.Application.Commercial;

/// <summary>The defaults of a workspace that has not set its own fiscal calendar or currency (section "Company").</summary>
public sealed class CommercialOptions
{
    public const string SectionName = "Company";

    /// <summary>The month (1–12) a fiscal year starts in; 1: fiscal years are calendar years.</summary>
    public int FiscalYearStartMonth { get; set; } = 1;

    /// <summary>The ISO 4217 code every amount is shown in.</summary>
    public string Currency { get; set; } = Domain.Commercial.CurrencyCode.Default;
}
