namespace TerritoryGrid.Synthetic.History;

/// <summary>Seeds derived from text that are the same in every process (string.GetHashCode is randomised per process).</summary>
internal static class StableSeed
{
    public static int Of(int seed, string text)
    {
        var hash = 2166136261u ^ (uint)seed;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash & 0x7FFFFFFF);
    }
}
