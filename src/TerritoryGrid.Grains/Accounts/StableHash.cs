using TerritoryGrid.Contracts.Activity;

namespace TerritoryGrid.Grains.Accounts;

/// <summary>
/// FNV-1a 64-bit hashes that are the same in every process (unlike <see cref="HashCode"/>), because they are
/// stored in grain state and compared after a restart.
/// </summary>
internal static class StableHash
{
    private const ulong Offset = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    public static ulong Of(string? text) => Add(Offset, text);

    /// <summary>Hash of everything an event says, to tell a retried event from a different one with the same id.</summary>
    public static ulong OfPayload(ActivityEvent e)
    {
        var h = Add(Offset, e.AccountId);
        h = Add(h, (ulong)e.Kind);
        h = Add(h, (ulong)e.OccurredAt.UtcTicks);
        h = Add(h, e.RepId);
        h = Add(h, BitConverter.DoubleToUInt64Bits(e.Amount));
        h = Add(h, BitConverter.DoubleToUInt64Bits(e.Cost));
        h = Add(h, BitConverter.DoubleToUInt64Bits(e.DurationMinutes));
        h = Add(h, BitConverter.DoubleToUInt64Bits(e.TravelMinutes));
        h = Add(h, e.ReferenceId);
        h = Add(h, e.Product);
        h = Add(h, e.Score is { } s ? (ulong)s + 1 : 0);
        // Added only when given, so events from before quantities existed keep the hash they were stored with.
        return e.Quantity is { } quantity ? Add(h, BitConverter.DoubleToUInt64Bits(quantity)) : h;
    }

    private static ulong Add(ulong hash, string? text)
    {
        if (text is null)
        {
            return (hash ^ 0xFF) * Prime;
        }

        foreach (var c in text)
        {
            hash = (hash ^ (byte)c) * Prime;
            hash = (hash ^ (byte)(c >> 8)) * Prime;
        }

        return (hash ^ 0xFE) * Prime;
    }

    private static ulong Add(ulong hash, ulong value)
    {
        for (var i = 0; i < 8; i++)
        {
            hash = (hash ^ (byte)(value >> (i * 8))) * Prime;
        }

        return hash;
    }
}
