namespace TerritoryGrid.Server.Backup;

/// <summary>
/// A file in the temporary directory that is deleted when closed: a backup is written whole before it is sent (so a
/// failure is a clean error, not a cut file), and a restore needs its upload seekable (a zip is read from its end).
/// </summary>
internal static class TemporaryFile
{
    public static FileStream Create() => new(
        Path.Combine(Path.GetTempPath(), $"territorygrid-backup-{Guid.NewGuid():N}.zip"),
        FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, bufferSize: 1 << 16, FileOptions.DeleteOnClose);
}
