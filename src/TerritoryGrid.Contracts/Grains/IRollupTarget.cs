using TerritoryGrid.Contracts.Rollups;

namespace TerritoryGrid.Contracts.Grains;

/// <summary>A grain that sums the latest contributions of its accounts (a rep or a territory).</summary>
[Alias("tg.IRollupTarget")]
public interface IRollupTarget : IGrainWithStringKey
{
    /// <summary>Applies coalesced contributions; any whose sequence is not newer than the one held is ignored.</summary>
    [Alias("ApplyContributions")]
    Task ApplyContributions([Immutable] AccountContribution[] contributions);
}
