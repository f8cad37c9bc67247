using TerritoryGrid.Contracts.Company;

namespace TerritoryGrid.Grains.Workspaces;

[GenerateSerializer, Alias("tg.WorkspaceState")]
internal sealed class WorkspaceState
{
    [Id(0)] public int Generation { get; set; }

    [Id(1)] public int LastReservedGeneration { get; set; }

    [Id(2)] public CompanyManifest? Manifest { get; set; }

    [Id(3)] public DateTimeOffset? LoadedAt { get; set; }

    /// <summary>The alignment of the current company: 0 as loaded, one more for every plan applied to it.</summary>
    [Id(4)] public int AlignmentVersion { get; set; }

    /// <summary>The plan that made the current alignment, if any.</summary>
    [Id(5)] public string? AlignedBy { get; set; }
}
