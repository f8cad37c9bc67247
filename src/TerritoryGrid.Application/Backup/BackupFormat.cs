namespace TerritoryGrid.Application.Backup;

/// <summary>
/// The backup file: a zip archive of one workspace's current company. manifest.json says what it holds (with a
/// SHA-256 of every other entry); company.json is the company definition, readable; states/*.bin are grain states
/// as the Orleans serializer writes them, framed by <see cref="BackupFrames"/>; activity-log.bin is the activity log
/// in append order. Nothing in it depends on the store the deployment used.
/// </summary>
public static class BackupFormat
{
    /// <summary>What manifest.json's "format" says, so another zip is not taken for a backup.</summary>
    public const string Name = "territorygrid-backup";

    /// <summary>The layout this code writes and reads. A file of a later version is refused, not half read.</summary>
    public const int Version = 1;

    public const string ManifestEntry = "manifest.json";
    public const string CompanyEntry = "company.json";
    public const string WorkspaceEntry = "states/workspace.bin";
    public const string PlansEntry = "states/plans.bin";
    public const string AlertsEntry = "states/alerts.bin";
    public const string StressTestsEntry = "states/stress-tests.bin";
    public const string TerritoriesEntry = "states/territories.bin";
    public const string RepsEntry = "states/reps.bin";
    public const string AccountsEntry = "states/accounts.bin";
    public const string ActivityLogEntry = "activity-log.bin";

    /// <summary>The commercial terms (calendar, currency, quotas, catalogue); optional, see <see cref="OptionalEntries"/>.</summary>
    public const string TermsEntry = "states/terms.bin";

    /// <summary>Every entry but the manifest, in the order they are written.</summary>
    public static readonly string[] DataEntries =
    [
        WorkspaceEntry, PlansEntry, AlertsEntry, StressTestsEntry, TerritoriesEntry, RepsEntry, AccountsEntry, ActivityLogEntry, CompanyEntry,
    ];

    /// <summary>
    /// Entries added after format version 1 was first written: checked when present, so a file taken before they
    /// existed still restores (its workspace then has the configured default terms).
    /// </summary>
    public static readonly string[] OptionalEntries = [TermsEntry];

    /// <summary>A name that says what the file is and when it was taken: territorygrid-live-g3-20260301T120000Z.zip.</summary>
    public static string FileName(string workspace, int generation, DateTimeOffset createdAt) =>
        $"territorygrid-{workspace}-g{generation}-{createdAt.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}.zip";
}
