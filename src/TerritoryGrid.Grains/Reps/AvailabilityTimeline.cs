using TerritoryGrid.Contracts.Roster;

namespace TerritoryGrid.Grains.Reps;

/// <summary>Availability changes by event time; the value at an instant is the latest change at or before it.</summary>
[GenerateSerializer, Alias("tg.AvailabilityTimeline")]
internal sealed class AvailabilityTimeline
{
    [Id(0)] public List<AvailabilityChange> Changes { get; set; } = [];

    public void Add(IEnumerable<AvailabilityChange> changes)
    {
        foreach (var change in changes)
        {
            Changes.RemoveAll(c => c.EffectiveAt == change.EffectiveAt);
            Changes.Add(change);
        }

        Changes.Sort((a, b) => a.EffectiveAt.CompareTo(b.EffectiveAt));
    }

    public double At(DateTimeOffset at, double initial)
    {
        var value = initial;
        foreach (var change in Changes)
        {
            if (change.EffectiveAt > at)
            {
                break;
            }

            value = change.Availability;
        }

        return value;
    }
}
