namespace TerritoryGrid.Application.Backup;

/// <summary>manifest.json: what a backup file holds, written last (when the counts are known) and checked first.</summary>
public sealed record BackupManifest(
    string Format,
    int FormatVersion,
    string Workspace,
    int Generation,
    int AlignmentVersion,
    DateTimeOffset CreatedAt,
    string AppVersion,
    BackupCounts Counts,
    IReadOnlyDictionary<string, string> Sha256);

/// <summary>
/// How many of each thing the file holds: a restore checks them against what it reads, so a cut or doctored file is
/// refused before anything is applied.
/// </summary>
public sealed record BackupCounts(int Territories, int Reps, int Accounts, long LogRecords, long LogEvents);
