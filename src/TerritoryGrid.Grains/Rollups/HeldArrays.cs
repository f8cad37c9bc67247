namespace TerritoryGrid.Grains.Rollups;

internal static class HeldArrays
{
    /// <summary>
    /// <paramref name="incoming"/>'s items in <paramref name="held"/> when it has the same length (no allocation, and a
    /// long-lived holder keeps pointing at an array as old as itself), in a copy of the caller's own otherwise.
    /// Never adopts <paramref name="incoming"/>: it is young, and a holder pointing at it would keep it alive through
    /// collections of the older generations.
    /// </summary>
    public static T[] Overwrite<T>(T[] held, T[] incoming)
    {
        if (held.Length == incoming.Length)
        {
            incoming.CopyTo(held, 0);
            return held;
        }

        return incoming.Length == 0 ? [] : (T[])incoming.Clone();
    }
}
