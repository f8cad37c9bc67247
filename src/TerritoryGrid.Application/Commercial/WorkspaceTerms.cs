using TerritoryGrid.Contracts.Commercial;
using TerritoryGrid.Domain.Commercial;

namespace TerritoryGrid.Application.Commercial;

/// <summary>A workspace's commercial terms in force: its own calendar and currency, else the configured defaults.</summary>
public sealed class WorkspaceTerms
{
    private readonly Dictionary<(QuotaOwnerKind, string), Dictionary<string, double>> quotas = [];

    public WorkspaceTerms(CommercialTerms terms, CommercialOptions defaults)
    {
        Terms = terms;
        Calendar = new FiscalCalendar(terms.FiscalYearStartMonth ?? defaults.FiscalYearStartMonth);
        Currency = terms.Currency ?? CurrencyCode.Parse(defaults.Currency).Code ?? CurrencyCode.Default;
        Catalogue = new ProductCatalogue(terms.Products);
        foreach (var quota in terms.Quotas)
        {
            if (!quotas.TryGetValue((quota.OwnerType, quota.OwnerId), out var byPeriod))
            {
                quotas[(quota.OwnerType, quota.OwnerId)] = byPeriod = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
            }

            byPeriod[quota.Period] = quota.Amount;
        }
    }

    public CommercialTerms Terms { get; }

    public FiscalCalendar Calendar { get; }

    public string Currency { get; }

    public ProductCatalogue Catalogue { get; }

    public PeriodQuotas QuotasOf(QuotaOwnerKind owner, string id, double annualQuota) =>
        new(quotas.GetValueOrDefault((owner, id)) ?? [], annualQuota);
}
