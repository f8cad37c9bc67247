namespace TerritoryGrid.Application.Commercial;

/// <summary>
/// A workspace's calendar and currency in force (whether each is the configured default), the fiscal year it is now,
/// and how many quotas and products it holds.
/// </summary>
public sealed record CommercialTermsView(
    string Workspace,
    int FiscalYearStartMonth,
    bool FiscalYearStartMonthIsDefault,
    string Currency,
    bool CurrencyIsDefault,
    string CurrentFiscalYear,
    string CurrentFiscalQuarter,
    int Quotas,
    int Products)
{
    public static CommercialTermsView Of(string workspace, WorkspaceTerms terms, DateTimeOffset now) => new(
        workspace, terms.Calendar.StartMonth, terms.Terms.FiscalYearStartMonth is null, terms.Currency, terms.Terms.Currency is null,
        terms.Calendar.YearOf(now).Name, terms.Calendar.QuarterOf(now).Name, terms.Terms.Quotas.Length, terms.Terms.Products.Length);
}
