namespace TerritoryGrid.Application.Commercial;

/// <summary>
/// One quota as read from a CSV line or a JSON element, not yet checked. <see cref="Entity"/> and <see cref="Where"/>
/// locate it in errors (file and "line 4", or "quotas" and "#3"); <see cref="Columns"/> names each field as the input
/// does (a CSV file's header, a JSON document's property).
/// </summary>
public sealed record QuotaInput(
    string Entity, string Where, IReadOnlyDictionary<string, string> Columns, string? OwnerType, string? OwnerId, string? Period, double? Amount);

/// <summary>One product as read from a CSV line or a JSON element, not yet checked (located as <see cref="QuotaInput"/>).</summary>
public sealed record ProductInput(
    string Entity, string Where, IReadOnlyDictionary<string, string> Columns, string? Id, string? Name, double? Price, string? Family);
