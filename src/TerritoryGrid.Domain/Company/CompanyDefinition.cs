namespace TerritoryGrid.Domain.Company;

/// <summary>
/// A whole company: territories, reps and accounts with their assignments. <see cref="PlanStart"/> is the event
/// time at which call plans start counting (touches are owed only from then on); it defaults to load time.
/// </summary>
public sealed record CompanyDefinition(
    string Name,
    IReadOnlyList<TerritoryDefinition> Territories,
    IReadOnlyList<RepDefinition> Reps,
    IReadOnlyList<AccountDefinition> Accounts,
    DateTimeOffset? PlanStart = null);
