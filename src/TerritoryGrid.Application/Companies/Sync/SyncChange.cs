namespace TerritoryGrid.Application.Companies.Sync;

/// <summary>
/// One difference between the workspace's company and a newer CRM export: what (<see cref="Kind"/>, one of
/// <see cref="SyncChangeKinds"/>), which territory, rep or account (<see cref="Id"/>), where it was and where it goes
/// (territory and owner, for moves), and which fields changed (for updates).
/// </summary>
public sealed record SyncChange(
    string Kind,
    string Id,
    string? FromTerritoryId = null,
    string? FromOwnerRepId = null,
    string? ToTerritoryId = null,
    string? ToOwnerRepId = null,
    IReadOnlyList<string>? Fields = null);
