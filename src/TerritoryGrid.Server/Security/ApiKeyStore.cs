using System.Text.Json;

namespace TerritoryGrid.Server.Security;

/// <summary>The known keys by hash: configured ones, those in the keys file, and a generated admin key on first start.</summary>
public sealed partial class ApiKeyStore
{
    private readonly Dictionary<string, ApiKeyEntry> byHash;

    private ApiKeyStore(Dictionary<string, ApiKeyEntry> byHash) => this.byHash = byHash;

    public int Count => byHash.Count;

    public ApiKeyEntry? Find(string key) => byHash.GetValueOrDefault(ApiKeyHasher.Hash(key));

    /// <summary>Keys limited to part of the company (the dashboard pusher sends each its own overview).</summary>
    public IEnumerable<ApiKeyEntry> Scoped => byHash.Values.Where(e => e.IsScoped);

    /// <summary>
    /// Reads and checks every configured key; generates the admin key when allowed and nothing is configured. Throws
    /// with the entry and field at fault, so a server never starts with a key it would silently ignore.
    /// </summary>
    public static ApiKeyStore Load(ApiKeyOptions options, string defaultKeysFile, bool mayGenerate, ILogger logger)
    {
        var keysFile = options.KeysFile ?? defaultKeysFile;
        var entries = new List<(ApiKeyEntry Entry, string Where)>();
        entries.AddRange(options.ApiKeys.Select((e, i) => (e, $"Security:ApiKeys:{i}")));
        if (File.Exists(keysFile))
        {
            var fromFile = JsonSerializer.Deserialize<List<ApiKeyEntry>>(File.ReadAllText(keysFile), FileJson)
                ?? throw new InvalidOperationException($"{keysFile}: expected a JSON array of keys");
            entries.AddRange(fromFile.Select((e, i) => (e, $"{keysFile}[{i}]")));
        }

        if (entries.Count == 0)
        {
            if (!(options.GenerateAdminKey && mayGenerate))
            {
                throw new InvalidOperationException(
                    "No API key is configured. Set Security:ApiKeys (e.g. Security__ApiKeys__0__Name, __Role=admin and " +
                    "__Hash=sha256:<hex of SHA-256 of the key>) or Security:KeysFile.");
            }

            entries.Add((Generate(keysFile, logger), keysFile));
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

        return new ApiKeyStore(byHash);
    }

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

    private static ApiKeyEntry Generate(string keysFile, ILogger logger)
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
        return entry;
    }

    private static readonly JsonSerializerOptions FileJson = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    [LoggerMessage(Level = LogLevel.Warning, Message = "No API key was configured: generated an admin key, shown this once: {Key} (its hash is kept in {KeysFile}). Sign in to the dashboard with it; add keys in Security:ApiKeys or the keys file.")]
    private static partial void LogGenerated(ILogger logger, string key, string keysFile);
}
