using TerritoryGrid.Contracts.Activity;

namespace TerritoryGrid.Grains.Accounts;

/// <summary>
/// The corrections an account accepted. Kept for the account's life, because they are rare and a replay of its
/// activity log (a later correction, or a rebuild's reset) must skip or amend the same events again.
/// </summary>
[GenerateSerializer, Alias("tg.CorrectionBook")]
internal sealed class CorrectionBook
{
    /// <summary>By the hash of the corrected event's id: the form it now takes, or null when it is void.</summary>
    [Id(0)] public Dictionary<ulong, ActivityEvent?> ByTarget { get; set; } = new();

    /// <summary>Hashes of the accepted corrections' own ids: a replay accepts these again without a second check.</summary>
    [Id(1)] public HashSet<ulong> Accepted { get; set; } = new();
}
