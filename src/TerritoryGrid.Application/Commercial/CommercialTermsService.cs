using TerritoryGrid.Application.Ingest;
using TerritoryGrid.Contracts.Grains;
using TerritoryGrid.Domain.Commercial;
using TerritoryGrid.Domain.Company;

namespace TerritoryGrid.Application.Commercial;

/// <summary>
/// Reads and changes a workspace's commercial terms. Every change is checked whole first (against the company for
/// quotas): nothing is applied unless every input is valid, as the company import does, so a quota file never half
/// loads and leaves some reps measured against no quota.
/// </summary>
public sealed class CommercialTermsService(
    IGrainFactory grains, CommercialTermsCache cache, TimeProvider clock)
{
    public async Task<CommercialTermsView> GetAsync(string workspace) =>
        CommercialTermsView.Of(workspace, await cache.GetAsync(workspace), clock.GetUtcNow());

    public async Task<QuotaList> QuotasAsync(string workspace)
    {
        var terms = await cache.GetAsync(workspace);
        return new QuotaList(workspace, terms.Currency, terms.Terms.Quotas);
    }

    public async Task<ProductList> ProductsAsync(string workspace)
    {
        var terms = await cache.GetAsync(workspace);
        return new ProductList(workspace, terms.Currency, terms.Terms.Products);
    }

    public async Task<CommercialImportResult> SetCalendarAsync(string workspace, int? fiscalYearStartMonth, string? currency)
    {
        var errors = new List<ValidationError>();
        if (fiscalYearStartMonth is { } month && month is < 1 or > 12)
        {
            errors.Add(new ValidationError("settings", workspace, "fiscalYearStartMonth", $"must be a month from 1 to 12, not {month}"));
        }

        string? code = null;
        if (currency is not null)
        {
            (code, var problem) = CurrencyCode.Parse(currency);
            if (problem is not null)
            {
                errors.Add(new ValidationError("settings", workspace, "currency", problem));
            }
        }

        if (errors.Count > 0)
        {
            return CommercialImportResult.Failed(workspace, errors);
        }

        await grains.GetGrain<ICommercialTermsGrain>(workspace).SetCalendar(fiscalYearStartMonth, code);
        return await AppliedAsync(workspace, 0);
    }

    public async Task<CommercialImportResult> ImportQuotasAsync(string workspace, IReadOnlyList<QuotaInput> inputs, List<ValidationError> errors)
    {
        var info = await grains.GetGrain<IWorkspaceGrain>(workspace).GetInfo();
        if (!info.HasCompany)
        {
            throw new WorkspaceNotReadyException(workspace);
        }

        var terms = await cache.GetAsync(workspace);
        var quotas = QuotaRules.Check(
            inputs, terms.Calendar, info.RepIds.ToHashSet(StringComparer.Ordinal), info.TerritoryIds.ToHashSet(StringComparer.Ordinal), errors);
        if (errors.Count > 0)
        {
            return CommercialImportResult.Failed(workspace, errors);
        }

        if (quotas.Length == 0)
        {
            return CommercialImportResult.Failed(workspace, [new ValidationError("quotas", "", "", "no quota: the input holds no row")]);
        }

        await grains.GetGrain<ICommercialTermsGrain>(workspace).MergeQuotas(quotas);
        return await AppliedAsync(workspace, quotas.Length);
    }

    public async Task<CommercialImportResult> ImportProductsAsync(string workspace, IReadOnlyList<ProductInput> inputs, List<ValidationError> errors)
    {
        var products = ProductRules.Check(inputs, errors);
        if (errors.Count > 0)
        {
            return CommercialImportResult.Failed(workspace, errors);
        }

        await grains.GetGrain<ICommercialTermsGrain>(workspace).ReplaceProducts(products);
        return await AppliedAsync(workspace, products.Length);
    }

    private async Task<CommercialImportResult> AppliedAsync(string workspace, int imported)
    {
        cache.Forget(workspace);
        return new CommercialImportResult(workspace, imported, [], 0, await GetAsync(workspace));
    }
}
