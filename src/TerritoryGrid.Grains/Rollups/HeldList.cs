using System.Runtime.CompilerServices;

namespace TerritoryGrid.Grains.Rollups;

/// <summary>
/// A list a book owns and overwrites with each newer copy of an account's items: in place while they fit, so an
/// account whose touch days, leads or months come and go does not cost its book a new array each time (a simulated
/// season, which adds a day to most accounts every batch, spent 7% of its time copying into new arrays). Grows with a
/// little room to spare; shrinking keeps the array.
/// </summary>
[GenerateSerializer]
internal struct HeldList<T>
{
    [Id(0)] public T[]? Items;
    [Id(1)] public int Count;

    public readonly ReadOnlySpan<T> Span => Items.AsSpan(0, Count);

    public void Overwrite(ReadOnlySpan<T> incoming, int? spare = null) => incoming.CopyTo(Resize(incoming.Length, spare));

    /// <summary>
    /// Makes the list <paramref name="count"/> items long and returns them, for the caller to write every one; a list
    /// that has to grow gets <paramref name="spare"/> items of room (by default a few, more for a long list).
    /// </summary>
    public Span<T> Resize(int count, int? spare = null)
    {
        if (count > (Items?.Length ?? 0))
        {
            // Exact the first time (most lists never change length); room for a few more once one has grown.
            Items = new T[Items is null ? count : count + (spare ?? 2 + (count / 8))];
        }

        if (RuntimeHelpers.IsReferenceOrContainsReferences<T>() && Count > count)
        {
            Items.AsSpan(count, Count - count).Clear();
        }

        Count = count;
        return Items.AsSpan(0, count);
    }
}
