using TerritoryGrid.Contracts.Commercial;

namespace TerritoryGrid.Contracts.Grains;

/// <summary>A workspace's commercial terms (fiscal calendar, currency, quotas, catalogue). Keyed by the workspace name.</summary>
[Alias("tg.ICommercialTermsGrain")]
public interface ICommercialTermsGrain : IGrainWithStringKey, IStateTransfer
{
    [Alias("Get")]
    Task<CommercialTerms> Get();

    /// <summary>Sets the fiscal year's first month and the currency; a null leaves that one as it is.</summary>
    [Alias("SetCalendar")]
    Task<CommercialTerms> SetCalendar(int? fiscalYearStartMonth, string? currency);

    /// <summary>Adds quotas; one for an owner and period already held replaces it.</summary>
    [Alias("MergeQuotas")]
    Task<CommercialTerms> MergeQuotas(PeriodQuota[] quotas);

    /// <summary>Replaces the whole catalogue (empty: no catalogue, any product name is accepted).</summary>
    [Alias("ReplaceProducts")]
    Task<CommercialTerms> ReplaceProducts(CatalogueProduct[] products);
}
