using TerritoryGrid.Contracts.Roster;

namespace TerritoryGrid.Application.Plans;

/// <summary>A new rep's availability over the ramp-up: a third, two thirds, then full, in equal steps over the weeks given.</summary>
public static class RampUp
{
    public static IEnumerable<AvailabilityChange> Steps(string repId, DateTimeOffset from, int weeks) => weeks == 0
        ? [new AvailabilityChange(repId, from, 1)]
        : Enumerable.Range(0, 3).Select(step => new AvailabilityChange(repId, from.AddDays(7.0 * weeks * step / 3), (step + 1) / 3.0));
}
