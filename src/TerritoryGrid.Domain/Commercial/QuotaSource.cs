namespace TerritoryGrid.Domain.Commercial;

/// <summary>Where a period's quota came from, most specific first.</summary>
public enum QuotaSource
{
    /// <summary>No quota: attainment and pipeline coverage are not computed.</summary>
    None = 0,

    /// <summary>Imported for exactly this period.</summary>
    Imported = 1,

    /// <summary>The sum of the imported quotas of the period's parts (its quarters or months).</summary>
    ImportedParts = 2,

    /// <summary>The imported quota of the fiscal year, prorated by months.</summary>
    FiscalYearProrated = 3,

    /// <summary>The company definition's annualQuota, prorated by months.</summary>
    AnnualQuotaProrated = 4,
}
