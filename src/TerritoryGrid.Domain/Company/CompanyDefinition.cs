namespace TerritoryGrid.Domain.Company;

/// <summary>
/// A whole company: territories, reps and accounts with their assignments. <see cref="PlanStart"/> is the event
/// time at which call plans start counting (touches are owed only from then on); it defaults to load time.
/// <see cref="FiscalYearStartMonth"/> and <see cref="Currency"/>, when given, set the workspace's fiscal calendar and
/// currency (its commercial terms, which otherwise stay as they are).
/// </summary>
public sealed record CompanyDefinition(
    string Name,
    IReadOnlyList<TerritoryDefinition> Territories,
    IReadOnlyList<RepDefinition> Reps,
    IReadOnlyList<AccountDefinition> Accounts,
    DateTimeOffset? PlanStart = null,
    int? FiscalYearStartMonth = null,
    string? Currency = null);
