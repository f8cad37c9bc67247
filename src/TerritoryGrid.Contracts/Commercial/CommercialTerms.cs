namespace TerritoryGrid.Contracts.Commercial;

/// <summary>
/// A workspace's fiscal calendar, currency, quotas by period and product catalogue. A null calendar or currency means
/// the configured default (Company:FiscalYearStartMonth, Company:Currency); an empty catalogue accepts any product.
/// </summary>
[GenerateSerializer, Immutable, Alias("tg.CommercialTerms")]
public sealed record CommercialTerms(
    [property: Id(0)] int? FiscalYearStartMonth,
    [property: Id(1)] string? Currency,
    [property: Id(2)] PeriodQuota[] Quotas,
    [property: Id(3)] CatalogueProduct[] Products)
{
    public static readonly CommercialTerms Empty = new(null, null, [], []);
}
