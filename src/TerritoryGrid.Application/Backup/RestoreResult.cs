namespace TerritoryGrid.Application.Backup;

/// <summary>What a restore put back, and how long it took.</summary>
public sealed record RestoreResult(
    string Workspace,
    string BackedUpWorkspace,
    int Generation,
    DateTimeOffset BackupCreatedAt,
    BackupCounts Counts,
    bool LogImported,
    double Seconds);
