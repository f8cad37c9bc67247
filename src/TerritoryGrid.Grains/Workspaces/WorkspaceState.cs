using TerritoryGrid.Contracts.Company;
using TerritoryGrid.Grains.Persistence;

namespace TerritoryGrid.Grains.Workspaces;

[GenerateSerializer, Alias("tg.WorkspaceState")]
internal sealed class WorkspaceState : IVersionedState
{
    /// <summary>0: written before states carried a version (commit 9eca594). 1: the version itself; no field changed.</summary>
    public static int CurrentVersion => 1;

    [Id(4)] public int Version { get; set; }

    [Id(0)] public int Generation { get; set; }

    [Id(1)] public int LastReservedGeneration { get; set; }

    [Id(2)] public CompanyManifest? Manifest { get; set; }

    [Id(3)] public DateTimeOffset? LoadedAt { get; set; }

    /// <summary>The alignment of the current company: 0 as loaded, one more for every plan applied to it.</summary>
    [Id(5)] public int AlignmentVersion { get; set; }

    /// <summary>The plan that made the current alignment, if any.</summary>
    [Id(6)] public string? AlignedBy { get; set; }

    public void MigrateFrom(int version)
    {
        // 0 to 1: nothing to convert.
    }
}
