using TerritoryGrid.Contracts.Commercial;
using TerritoryGrid.Contracts.Grains;
using TerritoryGrid.Grains.Persistence;

namespace TerritoryGrid.Grains.Commercial;

/// <summary>
/// A workspace's commercial terms. Validation happens before a call reaches it (the application knows the company);
/// it only stores, written on every change: changes are rare and reads are cached by each process.
/// </summary>
internal sealed class CommercialTermsGrain(
    [PersistentState("terms", StorageNames.Grains)] IPersistentState<CommercialTermsState> persisted)
    : TransferableGrain<CommercialTermsState>, ICommercialTermsGrain
{
    protected override IPersistentState<CommercialTermsState> Persisted => persisted;

    public Task<CommercialTerms> Get() => Task.FromResult(Current);

    public Task<CommercialTerms> SetCalendar(int? fiscalYearStartMonth, string? currency) => SaveAsync(Current with
    {
        FiscalYearStartMonth = fiscalYearStartMonth ?? Current.FiscalYearStartMonth,
        Currency = currency ?? Current.Currency,
    });

    public Task<CommercialTerms> MergeQuotas(PeriodQuota[] quotas)
    {
        var merged = Current.Quotas.ToDictionary(Key);
        foreach (var quota in quotas)
        {
            merged[Key(quota)] = quota;
        }

        return SaveAsync(Current with
        {
            Quotas = [.. merged.Values.OrderBy(q => q.OwnerType).ThenBy(q => q.OwnerId, StringComparer.Ordinal).ThenBy(q => q.Period, StringComparer.Ordinal)],
        });
    }

    public Task<CommercialTerms> ReplaceProducts(CatalogueProduct[] products) => SaveAsync(Current with { Products = products });

    private CommercialTerms Current => persisted.State.Terms;

    private static (Domain.Commercial.QuotaOwnerKind, string, string) Key(PeriodQuota quota) => (quota.OwnerType, quota.OwnerId, quota.Period);

    private async Task<CommercialTerms> SaveAsync(CommercialTerms terms)
    {
        persisted.State.Terms = terms;
        await persisted.WriteStateAsync();
        return terms;
    }
}
