using System.IO.Compression;
using System.Reflection;
using System.Security.Cryptography;
using System.Text.Json;
using Orleans.Serialization;
using TerritoryGrid.Application.Ingest;
using TerritoryGrid.Contracts.Activity;
using TerritoryGrid.Contracts.Grains;

namespace TerritoryGrid.Application.Backup;

/// <summary>
/// Writes one workspace's current company to a backup file (<see cref="BackupFormat"/>) while it keeps running.
/// Grain states are exported first and the activity log read after them, so the log holds every record an exported
/// account had applied and any it applied later: a restore replays those, and nothing is counted twice.
/// </summary>
public sealed class WorkspaceBackup(IGrainFactory grains, IActivityLog log, Serializer serializer, TimeProvider clock)
{
    /// <summary>Grain states asked for at once: enough to keep the silo busy, few enough to hold in memory.</summary>
    private const int ExportBatch = 512;

    public async Task<BackupManifest> WriteAsync(string workspace, Stream output, CancellationToken cancellationToken = default)
    {
        var workspaceGrain = grains.GetGrain<IWorkspaceGrain>(workspace);
        var info = await workspaceGrain.GetInfo();
        if (!info.HasCompany || await workspaceGrain.GetDefinition() is not { } definition)
        {
            throw new WorkspaceNotReadyException(workspace);
        }

        if (await grains.GetGrain<IRebuildGrain>(workspace).Get() is { IsRunning: true } rebuild)
        {
            // Mid-rebuild, territories hold half-replayed history and close days only up to the replay's horizon.
            throw new WorkspaceChangedException(
                $"workspace '{workspace}' is being rebuilt ({rebuild.Progress:P0} replayed, started by {rebuild.StartedBy}): take the backup when the rebuild is done");
        }

        var createdAt = clock.GetUtcNow();
        var ids = CompanyIds.Read(definition).With(info.TerritoryIds, info.RepIds);
        string Key(string id) => GrainKeys.Of(workspace, info.Generation, id);
        var sha256 = new Dictionary<string, string>(StringComparer.Ordinal);
        using var archive = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);

        await WriteEntryAsync(archive, BackupFormat.WorkspaceEntry, sha256, writer => WriteStatesAsync(writer, [(workspace, workspaceGrain)]));
        await WriteEntryAsync(archive, BackupFormat.PlansEntry, sha256, writer => WriteStatesAsync(writer, [(workspace, grains.GetGrain<IPlanBookGrain>(workspace))]));
        await WriteEntryAsync(archive, BackupFormat.AlertsEntry, sha256, writer => WriteStatesAsync(writer, [(workspace, grains.GetGrain<IAlertBookGrain>(workspace))]));
        await WriteEntryAsync(archive, BackupFormat.StressTestsEntry, sha256, writer => WriteStatesAsync(writer, [(workspace, grains.GetGrain<IStressTestBookGrain>(workspace))]));
        await WriteEntryAsync(archive, BackupFormat.TermsEntry, sha256, writer => WriteStatesAsync(writer, [(workspace, grains.GetGrain<ICommercialTermsGrain>(workspace))]));
        var territories = await WriteEntryAsync(archive, BackupFormat.TerritoriesEntry, sha256, writer =>
            WriteStatesAsync(writer, ids.Territories.Select(id => (id, (IStateTransfer)grains.GetGrain<ITerritoryGrain>(Key(id))))));
        var reps = await WriteEntryAsync(archive, BackupFormat.RepsEntry, sha256, writer =>
            WriteStatesAsync(writer, ids.Reps.Select(id => (id, (IStateTransfer)grains.GetGrain<IRepGrain>(Key(id))))));
        var accounts = await WriteEntryAsync(archive, BackupFormat.AccountsEntry, sha256, writer =>
            WriteStatesAsync(writer, ids.Accounts.Select(id => (id, (IStateTransfer)grains.GetGrain<IAccountGrain>(Key(id))))));

        // After the states: the log read now covers every record any exported account had applied.
        (long Records, long Events) logged = default;
        await WriteEntryAsync(archive, BackupFormat.ActivityLogEntry, sha256, async writer =>
        {
            logged = await WriteLogAsync(writer, workspace, info.Generation, cancellationToken);
            return 0;
        });

        var now = await workspaceGrain.GetInfo();
        if (now.Generation != info.Generation || now.AlignmentVersion != info.AlignmentVersion)
        {
            throw new WorkspaceChangedException(
                $"workspace '{workspace}' changed during the backup (generation {info.Generation} → {now.Generation}, alignment {info.AlignmentVersion} → {now.AlignmentVersion}: a company load or a plan applied); take the backup again");
        }

        await WriteEntryAsync(archive, BackupFormat.CompanyEntry, sha256, writer =>
        {
            // Indented, so an operator can read the company without tools.
            writer.Write(JsonSerializer.SerializeToUtf8Bytes(JsonDocument.Parse(definition).RootElement, new JsonSerializerOptions { WriteIndented = true }));
            return Task.FromResult(0);
        });

        var manifest = new BackupManifest(
            BackupFormat.Name, BackupFormat.Version, workspace, info.Generation, info.AlignmentVersion, createdAt, AppVersion,
            new BackupCounts(territories, reps, accounts, logged.Records, logged.Events), sha256);
        var manifestEntry = archive.CreateEntry(BackupFormat.ManifestEntry, CompressionLevel.Fastest);
        await using (var stream = await manifestEntry.OpenAsync(cancellationToken))
        {
            await JsonSerializer.SerializeAsync(stream, manifest, BackupJson.Options, cancellationToken);
        }

        return manifest;
    }

    /// <summary>The version of the code that wrote the file (with its commit), for whoever reads it later.</summary>
    public static string AppVersion { get; } =
        typeof(WorkspaceBackup).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    /// <summary>Writes one entry through a SHA-256 of its bytes (recorded for the manifest); returns what <paramref name="write"/> counted.</summary>
    private static async Task<int> WriteEntryAsync(ZipArchive archive, string name, Dictionary<string, string> sha256, Func<BinaryWriter, Task<int>> write)
    {
        using var hash = SHA256.Create();
        var entry = archive.CreateEntry(name, CompressionLevel.Fastest);
        int count;
        await using (var stream = await entry.OpenAsync())
        {
            await using var hashing = new CryptoStream(stream, hash, CryptoStreamMode.Write, leaveOpen: true);
            using (var writer = BackupFrames.Writer(hashing))
            {
                count = await write(writer);
            }

            await hashing.FlushFinalBlockAsync();
        }

        sha256[name] = Convert.ToHexStringLower(hash.Hash!);
        return count;
    }

    /// <summary>Exports the grains' states in batches, in the order given; returns how many had one.</summary>
    private static async Task<int> WriteStatesAsync(BinaryWriter writer, IEnumerable<(string Id, IStateTransfer Grain)> grains)
    {
        var written = 0;
        foreach (var batch in grains.Chunk(ExportBatch))
        {
            var states = await Task.WhenAll(batch.Select(g => g.Grain.ExportState()));
            for (var i = 0; i < batch.Length; i++)
            {
                if (states[i] is { } state)
                {
                    BackupFrames.WriteState(writer, batch[i].Id, state);
                    written++;
                }
            }
        }

        BackupFrames.WriteEnd(writer);
        return written;
    }

    /// <summary>Streams the log in append order straight into the entry: a large log is never held whole.</summary>
    private async Task<(long Records, long Events)> WriteLogAsync(BinaryWriter writer, string workspace, int generation, CancellationToken cancellationToken)
    {
        long records = 0, events = 0;
        await foreach (var record in log.ReadAllAsync(workspace, generation, cancellationToken))
        {
            BackupFrames.WriteLogRecord(writer, record.AccountId, record.Sequence, record.Events.Length, serializer.SerializeToArray(record.Events));
            records++;
            events += record.Events.Length;
        }

        BackupFrames.WriteEnd(writer);
        return (records, events);
    }
}
