using TerritoryGrid.Contracts.Company;

namespace TerritoryGrid.Grains.Workspaces;

[GenerateSerializer, Alias("tg.WorkspaceState")]
internal sealed class WorkspaceState
{
    [Id(0)] public int Generation { get; set; }

    [Id(1)] public int LastReservedGeneration { get; set; }

    [Id(2)] public CompanyManifest? Manifest { get; set; }

    [Id(3)] public DateTimeOffset? LoadedAt { get; set; }
}
