using TerritoryGrid.Contracts.Commercial;

namespace TerritoryGrid.Application.Commercial;

/// <summary>A workspace's imported quotas, amounts in <paramref name="Currency"/>.</summary>
public sealed record QuotaList(string Workspace, string Currency, IReadOnlyList<PeriodQuota> Quotas);

