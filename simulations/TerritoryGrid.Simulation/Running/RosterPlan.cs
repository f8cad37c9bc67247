using TerritoryGrid.Application.Roster;
using TerritoryGrid.Domain.Company;
using TerritoryGrid.Domain.Coverage;
using TerritoryGrid.Simulator.Scenarios;

namespace TerritoryGrid.Simulator.Running;

/// <summary>
/// A scenario's rep events as effective-dated roster changes for the system under simulation, and the capacity they
/// leave each territory with at any instant, for the generated activity (reps deliver up to that capacity).
/// </summary>
public sealed class RosterPlan
{
    /// <summary>Each rep's weekly hours from a time on, by territory; reps without changes keep their setup hours.</summary>
    private readonly Dictionary<string, List<(DateTimeOffset At, string Rep, double Hours)>> timeline = [];
    private readonly Dictionary<string, (string Territory, double Hours)> setupHours;

    public RosterPlan(Scenario scenario, CompanyDefinition company, double defaultSellingHours = 30)
    {
        setupHours = company.Reps.ToDictionary(r => r.Id,
            r => (r.TerritoryId, Workload.CapacityHoursPerWeek(r.SellingHoursPerWeek ?? defaultSellingHours, r.Availability)), StringComparer.Ordinal);
        var hired = 0;
        foreach (var repEvent in scenario.RepEvents ?? [])
        {
            var from = At(repEvent.From);
            var reps = company.Reps.Where(r => r.TerritoryId == repEvent.Territory).OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
            if (repEvent.Kind == "hire")
            {
                for (var n = 0; n < repEvent.Count; n++)
                {
                    var id = $"hire-{++hired:D3}";
                    var home = reps.Count > 0 ? reps[0].Home : company.Accounts.First(a => a.TerritoryId == repEvent.Territory).Location;
                    Changes.Add(new RosterChangeInput(id, "hire", from, TerritoryId: repEvent.Territory, Name: $"New hire {hired}",
                        Role: RepRole.Inside, Home: home, SellingHoursPerWeek: defaultSellingHours, RampWeeks: repEvent.RampWeeks));
                    for (var step = 0; step < (repEvent.RampWeeks == 0 ? 1 : 3); step++)
                    {
                        var share = repEvent.RampWeeks == 0 ? 1 : (step + 1) / 3.0;
                        Add(repEvent.Territory, from.AddDays(7.0 * repEvent.RampWeeks * step / 3), id, defaultSellingHours * share);
                    }
                }

                continue;
            }

            if (repEvent.Count > reps.Count)
            {
                throw new ScenarioException([new ScenarioError("scenario", "$.repEvents", $"{repEvent.Territory} has {reps.Count} reps, not {repEvent.Count}")]);
            }

            foreach (var rep in reps.Take(repEvent.Count))
            {
                Add(rep.TerritoryId, from, rep.Id, 0);
                if (repEvent.Kind == "leave")
                {
                    Changes.Add(new RosterChangeInput(rep.Id, "leave", from, Until: At(repEvent.To!.Value)));
                    Add(rep.TerritoryId, At(repEvent.To!.Value), rep.Id, setupHours[rep.Id].Hours);
                }
                else
                {
                    // Attrition as sales teams usually live it: the team absorbs the leaver's book until the territory is
                    // re-planned, so their accounts stay with the territory (their capacity ends) rather than being
                    // flagged orphaned, which would keep the territory under-served whatever the hires bring.
                    Changes.Add(new RosterChangeInput(rep.Id, "availability", from, Availability: 0));
                }
            }
        }
    }

    /// <summary>
    /// A rep a plan adds ramps up from <paramref name="from"/>: a third, two thirds, then full availability over
    /// <paramref name="weeks"/>, in the system (availability changes) and in the capacity the activity is delivered with.
    /// </summary>
    public void AddRamp(RepDefinition rep, DateTimeOffset from, int weeks)
    {
        var hours = setupHours[rep.Id].Hours;
        for (var step = 0; step < 3; step++)
        {
            var at = from.AddDays(7.0 * weeks * step / 3);
            var share = (step + 1) / 3.0;
            Changes.Add(new RosterChangeInput(rep.Id, "availability", at, Availability: rep.Availability * share));
            Add(rep.TerritoryId, at, rep.Id, hours * share);
        }
    }

    /// <summary>The roster changes to apply to the system under simulation (effective-dated: they may be applied up front).</summary>
    public List<RosterChangeInput> Changes { get; } = [];

    /// <summary>A territory's weekly capacity hours at an instant under this plan.</summary>
    public double CapacityAt(string territoryId, DateTimeOffset at)
    {
        var hours = setupHours.Where(r => r.Value.Territory == territoryId).ToDictionary(r => r.Key, r => r.Value.Hours, StringComparer.Ordinal);
        foreach (var (when, rep, repHours) in timeline.GetValueOrDefault(territoryId) ?? [])
        {
            if (when <= at)
            {
                hours[rep] = repHours;
            }
        }

        return hours.Values.Sum();
    }

    private void Add(string territoryId, DateTimeOffset at, string rep, double hours)
    {
        if (!timeline.TryGetValue(territoryId, out var list))
        {
            timeline[territoryId] = list = [];
        }

        list.Add((at, rep, hours));
        list.Sort((a, b) => a.At.CompareTo(b.At));
    }

    private static DateTimeOffset At(DateOnly date) => new(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
