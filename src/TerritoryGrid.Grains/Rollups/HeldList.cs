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

    public void Overwrite(ReadOnlySpan<T> incoming)
    {
        if (incoming.Length > (Items?.Length ?? 0))
        {
            // Exact the first time (most lists never change length); room for a few more once one has grown.
            Items = new T[Items is null ? incoming.Length : incoming.Length + 2 + (incoming.Length / 8)];
        }

        incoming.CopyTo(Items);
        if (RuntimeHelpers.IsReferenceOrContainsReferences<T>() && Count > incoming.Length)
        {
            Items.AsSpan(incoming.Length, Count - incoming.Length).Clear();
        }

        Count = incoming.Length;
    }
}
