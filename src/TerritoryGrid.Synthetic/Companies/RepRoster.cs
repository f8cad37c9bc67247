using Bogus;
using TerritoryGrid.Domain.Company;
using TerritoryGrid.Domain.Geography;

namespace TerritoryGrid.Synthetic.Companies;

/// <summary>Reps of one territory: outside reps for the A accounts, inside reps for B and C, homes near the centre.</summary>
internal static class RepRoster
{
    private const double HomeSigmaKm = 8;

    public static List<RepDefinition> Create(Faker faker, TerritoryPlan territory, int outside, int inside, ref int nextId)
    {
        var reps = new List<RepDefinition>(outside + inside);
        for (var i = 0; i < outside + inside; i++)
        {
            var ramping = faker.Random.Double() < 0.08;
            var experience = ramping ? faker.Random.Double(0, 0.5) : Math.Round(faker.Random.Double(0.5, 20), 1);
            reps.Add(new RepDefinition(
                Id: $"rep-{nextId++:D4}",
                Name: faker.Name.FullName(),
                TerritoryId: territory.Definition.Id,
                Role: i < outside ? RepRole.Outside : RepRole.Inside,
                Home: GeoJitter.Around(faker.Random, territory.Centre, HomeSigmaKm),
                SellingHoursPerWeek: null,
                Availability: ramping ? Math.Round(faker.Random.Double(0.5, 0.8), 2) : 1.0,
                ExperienceYears: experience,
                AnnualQuota: null));
        }

        return reps;
    }

    /// <summary>Splits a territory's headcount between outside and inside reps in proportion to the hours each side needs.</summary>
    public static (int Outside, int Inside) Split(int headcount, double outsideDemand, double insideDemand)
    {
        var outside = (int)Math.Round(headcount * outsideDemand / Math.Max(1e-9, outsideDemand + insideDemand));
        outside = Math.Clamp(outside, 1, headcount - 1);
        return (outside, headcount - outside);
    }
}
