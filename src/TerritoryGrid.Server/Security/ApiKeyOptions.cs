namespace TerritoryGrid.Server.Security;

/// <summary>API keys, bound from "Security". Keys are stored only as hashes (see <see cref="ApiKeyHasher"/>).</summary>
public sealed class ApiKeyOptions
{
    public const string SectionName = "Security";

    /// <summary>Keys configured directly (e.g. Security__ApiKeys__0__Name, __Role, __Hash from the environment).</summary>
    public List<ApiKeyEntry> ApiKeys { get; set; } = [];

    /// <summary>
    /// A JSON file holding more keys (an array of entries), read at start-up and again whenever its content changes
    /// (rotation without a restart). The embedded server keeps its generated admin key in "api-keys.json" under the
    /// data directory when this is not set.
    /// </summary>
    public string? KeysFile { get; set; }

    /// <summary>How often the keys file is compared with the keys in force (a revoked key stops working within this).</summary>
    public TimeSpan KeysFileCheckInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// With no key configured at all, generate an admin key on first start, print it once and keep its hash in the
    /// keys file. The default; cluster mode never generates (configure keys for every silo alike).
    /// </summary>
    public bool GenerateAdminKey { get; set; } = true;
}

/// <summary>One API key: who it is for, its role, and the hash of the key ("sha256:" and 64 hex digits).</summary>
public sealed class ApiKeyEntry
{
    public string Name { get; set; } = "";

    public string Role { get; set; } = "";

    public string Hash { get; set; } = "";

    /// <summary>
    /// Limits a viewer or planner to these territories (ids) and/or the territories of these regions; both empty or
    /// unset: the whole company. Rep performance is sensitive: a scoped key sees nothing of other territories.
    /// </summary>
    public List<string>? Territories { get; set; }

    public List<string>? Regions { get; set; }

    public bool IsScoped => Territories is { Count: > 0 } || Regions is { Count: > 0 };
}
