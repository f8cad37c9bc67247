using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;

namespace TerritoryGrid.Application.Backup;

/// <summary>
/// A backup file opened for a restore. <see cref="Open"/> reads it through once and checks everything that can be
/// checked without applying it (format, manifest, every entry's SHA-256, counts, the company's ids), so a cut,
/// corrupt or doctored file is refused whole, with what is wrong, before anything is written.
/// </summary>
public sealed class BackupArchive : IDisposable
{
    private readonly ZipArchive archive;

    private BackupArchive(ZipArchive archive, BackupManifest manifest, byte[] company, CompanyIds ids)
    {
        this.archive = archive;
        Manifest = manifest;
        Company = company;
        Ids = ids;
    }

    public BackupManifest Manifest { get; }

    /// <summary>The company definition (UTF-8 JSON).</summary>
    public byte[] Company { get; }

    public CompanyIds Ids { get; }

    /// <summary>Opens and checks a backup in a seekable stream (a zip is read from its end).</summary>
    public static BackupArchive Open(Stream file)
    {
        ZipArchive archive;
        try
        {
            archive = new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException error)
        {
            throw Invalid($"the file is not a zip archive, or is cut short ({error.Message})");
        }

        try
        {
            var manifest = ReadManifest(archive);
            foreach (var name in BackupFormat.DataEntries)
            {
                CheckSha256(archive, manifest, name);
            }

            foreach (var name in BackupFormat.OptionalEntries.Where(n => manifest.Sha256.ContainsKey(n) || archive.GetEntry(n) is not null))
            {
                CheckSha256(archive, manifest, name);
            }

            var company = ReadAll(archive, BackupFormat.CompanyEntry);
            var ids = CompanyIds.Read(company);
            var checkedArchive = new BackupArchive(archive, manifest, company, ids);
            checkedArchive.CheckCounts();
            return checkedArchive;
        }
        catch (Exception error) when (error is InvalidDataException or EndOfStreamException)
        {
            archive.Dispose();
            throw Invalid(error is EndOfStreamException ? "an entry ends in the middle of a frame (the file is cut short)" : error.Message);
        }
        catch
        {
            archive.Dispose();
            throw;
        }
    }

    /// <summary>Whether the file holds an optional entry (<see cref="BackupFormat.OptionalEntries"/>).</summary>
    public bool Has(string entry) => archive.GetEntry(entry) is not null;

    /// <summary>The (id, state) frames of a states entry, in file order.</summary>
    public IEnumerable<(string Id, byte[] State)> States(string entry)
    {
        using var stream = Entry(archive, entry).Open();
        using var reader = BackupFrames.Reader(stream);
        foreach (var frame in BackupFrames.ReadStates(reader))
        {
            yield return frame;
        }
    }

    /// <summary>The activity-log frames, in append order.</summary>
    public IEnumerable<(string AccountId, long Sequence, int EventCount, byte[] Events)> LogRecords()
    {
        using var stream = Entry(archive, BackupFormat.ActivityLogEntry).Open();
        using var reader = BackupFrames.Reader(stream);
        foreach (var frame in BackupFrames.ReadLogRecords(reader))
        {
            yield return frame;
        }
    }

    public void Dispose() => archive.Dispose();

    private static RestoreRefusedException Invalid(string what) =>
        new(RestoreRefusal.InvalidFile, $"not a usable TerritoryGrid backup: {what}; nothing was restored");

    private static BackupManifest ReadManifest(ZipArchive archive)
    {
        BackupManifest? manifest;
        try
        {
            using var stream = Entry(archive, BackupFormat.ManifestEntry).Open();
            manifest = JsonSerializer.Deserialize<BackupManifest>(stream, BackupJson.Options);
        }
        catch (JsonException error)
        {
            throw new InvalidDataException($"{BackupFormat.ManifestEntry} cannot be read: {error.Message}");
        }

        if (manifest is null || manifest.Format != BackupFormat.Name)
        {
            throw new InvalidDataException($"{BackupFormat.ManifestEntry} does not say format \"{BackupFormat.Name}\"");
        }

        if (manifest.FormatVersion != BackupFormat.Version)
        {
            throw new InvalidDataException(
                $"it is format version {manifest.FormatVersion} (written by TerritoryGrid {manifest.AppVersion}); this server reads version {BackupFormat.Version}");
        }

        return manifest;
    }

    private static void CheckSha256(ZipArchive archive, BackupManifest manifest, string name)
    {
        if (!manifest.Sha256.TryGetValue(name, out var expected))
        {
            throw new InvalidDataException($"{BackupFormat.ManifestEntry} gives no SHA-256 for {name}");
        }

        using var stream = Entry(archive, name).Open();
        var actual = Convert.ToHexStringLower(SHA256.HashData(stream));
        if (!string.Equals(actual, expected, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidDataException($"{name} is not what was written (its SHA-256 is {actual}, the manifest says {expected})");
        }
    }

    /// <summary>Reads every frame once (their SHA-256 is right, so this finds a file written wrong, not one damaged since).</summary>
    private void CheckCounts()
    {
        var counts = Manifest.Counts;
        CheckCount(BackupFormat.WorkspaceEntry, 1, States(BackupFormat.WorkspaceEntry).Count());
        CheckCount(BackupFormat.TerritoriesEntry, counts.Territories, States(BackupFormat.TerritoriesEntry).Count());
        CheckCount(BackupFormat.RepsEntry, counts.Reps, States(BackupFormat.RepsEntry).Count());
        CheckCount(BackupFormat.AccountsEntry, counts.Accounts, States(BackupFormat.AccountsEntry).Count());
        CheckCount($"{BackupFormat.CompanyEntry} accounts", counts.Accounts, Ids.Accounts.Length);
        long records = 0, events = 0;
        foreach (var record in LogRecords())
        {
            records++;
            events += record.EventCount;
        }

        CheckCount($"{BackupFormat.ActivityLogEntry} records", counts.LogRecords, records);
        CheckCount($"{BackupFormat.ActivityLogEntry} events", counts.LogEvents, events);
    }

    private static void CheckCount(string what, long expected, long actual)
    {
        if (expected != actual)
        {
            throw new InvalidDataException($"{what}: the manifest counts {expected}, the file holds {actual}");
        }
    }

    private static byte[] ReadAll(ZipArchive archive, string name)
    {
        using var stream = Entry(archive, name).Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static ZipArchiveEntry Entry(ZipArchive archive, string name) =>
        archive.GetEntry(name) ?? throw new InvalidDataException($"it has no {name}");
}
