using System.Security.Cryptography;
using System.Text.Json;

namespace TerritoryGrid.Server.Security;

/// <summary>
/// The known keys by hash: configured ones, those in the keys file, and a generated admin key on first start. The set
/// is replaced whole when the keys file or the configuration changes (see <see cref="ApiKeyReloader"/>), so a
/// request sees either the old keys or the new ones, never a mixture.
/// </summary>
public sealed partial class ApiKeyStore
{
    private volatile Snapshot current;

    private ApiKeyStore(Snapshot snapshot) => current = snapshot;

    /// <summary>The keys in force and the keys file's content (its SHA-256) they were read from.</summary>
    public sealed record Snapshot(IReadOnlyDictionary<string, ApiKeyEntry> ByHash, string KeysFile, string? KeysFileHash);

    public int Count => current.ByHash.Count;

    public Snapshot Current => current;

    public ApiKeyEntry? Find(string key) => FindByHash(ApiKeyHasher.Hash(key));

    public ApiKeyEntry? FindByHash(string hash) => current.ByHash.GetValueOrDefault(hash.ToLowerInvariant());

    /// <summary>Keys limited to part of the company (the dashboard pusher sends each its own overview).</summary>
    public IEnumerable<ApiKeyEntry> Scoped => current.ByHash.Values.Where(e => e.IsScoped);

    public void Replace(Snapshot snapshot) => current = snapshot;

    /// <summary>
    /// Reads and checks every configured key; generates the admin key when allowed and nothing is configured. Throws
    /// with the entry and field at fault, so a server never starts with a key it would silently ignore.
    /// </summary>
    public static ApiKeyStore Load(ApiKeyOptions options, string defaultKeysFile, bool mayGenerate, ILogger logger)
    {
        var keysFile = options.KeysFile ?? defaultKeysFile;
        var snapshot = Read(options, keysFile);
        if (snapshot.ByHash.Count == 0)
        {
            if (!(options.GenerateAdminKey && mayGenerate))
            {
                throw new InvalidOperationException(
                    "No API key is configured. Set Security:ApiKeys (e.g. Security__ApiKeys__0__Name, __Role=admin and " +
                    "__Hash=sha256:<hex of SHA-256 of the key>) or Security:KeysFile.");
            }

            Generate(keysFile, logger);
            snapshot = Read(options, keysFile);
        }

        return new ApiKeyStore(snapshot);
    }

    /// <summary>
    /// The keys configured in <paramref name="options"/> and in <paramref name="keysFile"/> (absent: none), checked;
    /// throws naming the entry and field at fault.
    /// </summary>
    public static Snapshot Read(ApiKeyOptions options, string keysFile)
    {
        var entries = new List<(ApiKeyEntry Entry, string Where)>();
        entries.AddRange(options.ApiKeys.Select((e, i) => (e, $"Security:ApiKeys:{i}")));
        var content = FileContent(keysFile);
        if (content is not null)
        {
            List<ApiKeyEntry>? fromFile;
            try
            {
                fromFile = JsonSerializer.Deserialize<List<ApiKeyEntry>>(content, FileJson);
            }
            catch (JsonException error)
            {
                throw new InvalidOperationException($"{keysFile}: not a JSON array of keys ({error.Message})", error);
            }

            entries.AddRange((fromFile ?? throw new InvalidOperationException($"{keysFile}: expected a JSON array of keys"))
                .Select((e, i) => (e, $"{keysFile}[{i}]")));
        }

        var byHash = new Dictionary<string, ApiKeyEntry>(StringComparer.Ordinal);
        foreach (var (entry, where) in entries)
        {
            Check(entry, where);
            if (!byHash.TryAdd(entry.Hash.ToLowerInvariant(), entry))
            {
                throw new InvalidOperationException($"{where}: the same key hash appears twice");
            }
        }

        return new Snapshot(byHash, keysFile, HashOf(content));
    }

    /// <summary>The SHA-256 of the keys file's content, or null when there is no such file (what a reload compares).</summary>
    public static string? FileHash(string keysFile) => HashOf(FileContent(keysFile));

    private static byte[]? FileContent(string keysFile)
    {
        try
        {
            return File.ReadAllBytes(keysFile);
        }
        catch (Exception error) when (error is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    private static string? HashOf(byte[]? content) => content is null ? null : Convert.ToHexStringLower(SHA256.HashData(content));

    private static void Check(ApiKeyEntry entry, string where)
    {
        if (string.IsNullOrWhiteSpace(entry.Name))
        {
            throw new InvalidOperationException($"{where}: Name is missing");
        }

        if (!Roles.All.Contains(entry.Role))
        {
            throw new InvalidOperationException($"{where} ({entry.Name}): Role '{entry.Role}' is not one of {string.Join(", ", Roles.All)}");
        }

        if (entry.IsScoped && entry.Role is Roles.Ingest or Roles.Admin)
        {
            throw new InvalidOperationException($"{where} ({entry.Name}): only viewer and planner keys can be limited to territories or regions");
        }

        if (!ApiKeyHasher.IsHash(entry.Hash.ToLowerInvariant()))
        {
            throw new InvalidOperationException($"{where} ({entry.Name}): Hash must be 'sha256:' and 64 hex digits (the SHA-256 of the key), never the key itself");
        }
    }

    private static void Generate(string keysFile, ILogger logger)
    {
        var key = ApiKeyHasher.NewKey();
        var entry = new ApiKeyEntry { Name = "admin (generated)", Role = Roles.Admin, Hash = ApiKeyHasher.Hash(key) };
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(keysFile))!);
        File.WriteAllText(keysFile, JsonSerializer.Serialize(new[] { entry }, FileJson));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(keysFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        LogGenerated(logger, key, keysFile);
    }

    private static readonly JsonSerializerOptions FileJson = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    [LoggerMessage(Level = LogLevel.Warning, Message = "No API key was configured: generated an admin key, shown this once: {Key} (its hash is kept in {KeysFile}). Sign in to the dashboard with it; add keys in Security:ApiKeys or the keys file.")]
    private static partial void LogGenerated(ILogger logger, string key, string keysFile);
}
