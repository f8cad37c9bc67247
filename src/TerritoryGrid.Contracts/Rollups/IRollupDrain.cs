namespace TerritoryGrid.Contracts.Rollups;

/// <summary>
/// Delivers, on every silo of the cluster, the account contributions to territories still coalescing in its roll-up
/// dispatcher. A replay that must not close a territory's days before its accounts' contributions land waits for this
/// instead of for a guess at how long delivery takes.
/// </summary>
public interface IRollupDrain
{
    /// <summary>
    /// Returns when every contribution published before the call has reached its territory (or its send failed and
    /// waits for the next flush), however long delivery takes; a silo that leaves the cluster meanwhile is given up.
    /// </summary>
    Task DrainAsync();

    /// <summary>
    /// As <see cref="DrainAsync()"/>, and the reps' contributions too (rolled up less often): a simulation closing a
    /// week reads the reps' figures at once instead of waiting up to their flush interval.
    /// </summary>
    Task DrainWithRepsAsync();
}
