using TerritoryGrid.Contracts.Company;
using TerritoryGrid.Domain.Company;

namespace TerritoryGrid.Application.Companies;

/// <summary>Either the validation errors (nothing was applied) or the loaded workspace with its segment counts.</summary>
public sealed record CompanyLoadResult(
    IReadOnlyList<ValidationError> Errors,
    WorkspaceInfo? Workspace,
    IReadOnlyDictionary<string, int>? AccountsBySegment)
{
    public bool Succeeded => Errors.Count == 0 && Workspace is not null;
}
