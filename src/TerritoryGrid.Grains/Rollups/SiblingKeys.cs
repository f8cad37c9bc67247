using System.Collections.Concurrent;
using System.Text;

namespace TerritoryGrid.Grains.Rollups;

/// <summary>
/// Keys of a grain's siblings (same workspace and generation) and its own entity id, read from the grain id's bytes.
/// An account publishes to its territory and reps after every batch: building their keys from
/// <c>GetPrimaryKeyString</c> made four strings per target (a profile of live ingest put strings at a fifth of all
/// allocation). A key is made once per silo and then found by its characters, without allocating.
/// </summary>
internal static class SiblingKeys
{
    /// <summary>Far more than the territories and reps of the workspaces a silo serves at once; past it the cache starts again.</summary>
    private const int MaxKnown = 1 << 17;

    private const int StackLimit = 256;

    private static readonly ConcurrentDictionary<string, string> Known = new(StringComparer.Ordinal);

    private static readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> KnownByChars =
        Known.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The entity id of a key made by <see cref="Contracts.Grains.GrainKeys.Of"/> (the part after the last '/').</summary>
    public static string IdOf(GrainId grainId)
    {
        var bytes = grainId.Key.AsSpan();
        return Encoding.UTF8.GetString(bytes[(bytes.LastIndexOf((byte)'/') + 1)..]);
    }

    /// <summary>The key of the grain <paramref name="id"/> in the workspace and generation of <paramref name="grainId"/>.</summary>
    public static string Of(GrainId grainId, string id)
    {
        var bytes = grainId.Key.AsSpan();
        var prefix = bytes[..(bytes.LastIndexOf((byte)'/') + 1)];
        var length = Encoding.UTF8.GetCharCount(prefix) + id.Length;
        Span<char> chars = length <= StackLimit ? stackalloc char[length] : new char[length];
        var written = Encoding.UTF8.GetChars(prefix, chars);
        id.AsSpan().CopyTo(chars[written..]);
        if (KnownByChars.TryGetValue(chars, out var key))
        {
            return key;
        }

        if (Known.Count >= MaxKnown)
        {
            Known.Clear();
        }

        key = new string(chars);
        return Known.GetOrAdd(key, key);
    }
}
