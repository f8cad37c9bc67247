using TerritoryGrid.Contracts.Company;

namespace TerritoryGrid.Server.Api;

/// <summary>
/// Which alignment of which company a workspace holds: what an open dashboard checks every few seconds to learn that a
/// plan applied live (or a CRM sync) moved accounts. The workspace's own answer carries every territory and rep id,
/// which grows with the company; this does not.
/// </summary>
/// <param name="Generation">The company load (0: none loaded).</param>
/// <param name="AlignmentVersion">How many alignments were applied to this generation (0: as loaded).</param>
/// <param name="AlignedBy">The plan id, or <c>sync-…</c> for a synced CRM export, that made the current alignment; null as loaded.</param>
/// <param name="LoadedAt">When the generation was loaded.</param>
/// <param name="Recovering">
/// True while the server answering is still warming up after a start on a durable store: until every account has
/// reported again, live figures may leave out events acknowledged before the restart.
/// </param>
public sealed record WorkspaceAlignment(int Generation, int AlignmentVersion, string? AlignedBy, DateTimeOffset? LoadedAt, bool Recovering = false)
{
    public static WorkspaceAlignment Of(WorkspaceInfo info, bool recovering) =>
        new(info.Generation, info.AlignmentVersion, info.AlignedBy, info.LoadedAt, recovering);
}
