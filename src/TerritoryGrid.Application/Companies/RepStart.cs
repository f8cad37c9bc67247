using TerritoryGrid.Application.Plans;
using TerritoryGrid.Contracts.Roster;
using TerritoryGrid.Domain.Company;

namespace TerritoryGrid.Application.Companies;

/// <summary>
/// A rep's availability from the plan start given their start date: none before it, then the ramp-up of a new hire
/// (scaled by the rep's own availability, e.g. part time). A rep who finished ramping up before the plan start needs no
/// change; one still ramping starts the plan at the step reached.
/// </summary>
public static class RepStart
{
    public static AvailabilityChange[] Changes(RepDefinition rep, DateTimeOffset planStart, int rampWeeks)
    {
        if (rep.StartDate is not { } start)
        {
            return [];
        }

        var steps = RampUp.Steps(rep.Id, start, rampWeeks).Select(s => s with { Availability = s.Availability * rep.Availability }).ToList();
        var inForce = steps.LastOrDefault(s => s.EffectiveAt <= planStart);
        if (inForce is not null && inForce == steps[^1])
        {
            return [];
        }

        return [new AvailabilityChange(rep.Id, planStart, inForce?.Availability ?? 0), .. steps.Where(s => s.EffectiveAt > planStart)];
    }
}
