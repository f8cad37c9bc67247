namespace TerritoryGrid.Contracts.Company;

/// <summary>
/// The company a workspace holds: ids to enumerate, and the whole definition as UTF-8 JSON (so a sandbox can copy
/// it and an export can return it unchanged).
/// </summary>
[GenerateSerializer, Immutable, Alias("tg.CompanyManifest")]
public sealed record CompanyManifest(
    [property: Id(0)] string Name,
    [property: Id(1)] string[] TerritoryIds,
    [property: Id(2)] string[] RepIds,
    [property: Id(3)] int AccountCount,
    [property: Id(4)] DateTimeOffset PlanStart,
    [property: Id(5)] byte[] DefinitionJson);
