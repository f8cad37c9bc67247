using System.Security.Claims;
using TerritoryGrid.Contracts.Metrics;

namespace TerritoryGrid.Server.Security;

/// <summary>
/// What part of a company a caller may see: everything, or some territories (by id, or by region). Carried as claims
/// on the key's identity and on the dashboard's session cookie.
/// </summary>
public sealed class CallerScope
{
    public const string TerritoryClaim = "tg:territory";
    public const string RegionClaim = "tg:region";

    /// <summary>The hash of the key an identity signed in with: a session ends when its key is revoked.</summary>
    public const string KeyClaim = "tg:key";

    private readonly HashSet<string> territories;
    private readonly HashSet<string> regions;

    private CallerScope(HashSet<string> territories, HashSet<string> regions)
    {
        this.territories = territories;
        this.regions = regions;
    }

    public bool IsWholeCompany => territories.Count == 0 && regions.Count == 0;

    public static CallerScope Of(ClaimsPrincipal user) => new(
        user.FindAll(TerritoryClaim).Select(c => c.Value).ToHashSet(StringComparer.Ordinal),
        user.FindAll(RegionClaim).Select(c => c.Value).ToHashSet(StringComparer.OrdinalIgnoreCase));

    public static CallerScope Of(ApiKeyEntry entry) => new(
        (entry.Territories ?? []).ToHashSet(StringComparer.Ordinal), (entry.Regions ?? []).ToHashSet(StringComparer.OrdinalIgnoreCase));

    /// <summary>The identity a key signs in as (its name, role and scope), for a request or a session cookie.</summary>
    public static ClaimsIdentity IdentityOf(ApiKeyEntry entry, string scheme) => new(
        [
            new Claim(ClaimTypes.Name, entry.Name), new Claim(ClaimTypes.Role, entry.Role), new Claim(KeyClaim, entry.Hash.ToLowerInvariant()),
            .. (entry.Territories ?? []).Select(t => new Claim(TerritoryClaim, t)),
            .. (entry.Regions ?? []).Select(r => new Claim(RegionClaim, r)),
        ],
        scheme);

    public bool Allows(TerritoryMetrics territory) => Allows(territory.Id, territory.Region);

    public bool Allows(string territoryId, string? region) =>
        IsWholeCompany || territories.Contains(territoryId) || (region is not null && regions.Contains(region));

    /// <summary>
    /// Whether a territory is in scope, reading its region only when a region scope needs it (territory scopes and
    /// whole-company callers need no read).
    /// </summary>
    public async Task<bool> AllowsAsync(Application.Queries.MetricsReader reader, string workspace, string territoryId) =>
        Allows(territoryId, null) || (await reader.TerritoryAsync(workspace, territoryId) is { } detail && Allows(detail.Territory));

    /// <summary>What a refusal says: the scope, so the user knows why.</summary>
    public string Describe() => string.Join(" and ", new[]
    {
        territories.Count == 0 ? null : $"territories {string.Join(", ", territories.Order())}",
        regions.Count == 0 ? null : $"regions {string.Join(", ", regions.Order())}",
    }.OfType<string>());
}
