using Bogus;
using TerritoryGrid.Domain.Geography;

namespace TerritoryGrid.Synthetic.Companies;

internal static class GeoJitter
{
    private const double KmPerDegreeLatitude = 111.0;

    /// <summary>A point around <paramref name="centre"/>, normally distributed with <paramref name="sigmaKm"/> per axis.</summary>
    public static GeoPoint Around(Randomizer random, GeoPoint centre, double sigmaKm)
    {
        var north = Normal(random) * sigmaKm;
        var east = Normal(random) * sigmaKm;
        var kmPerDegreeLongitude = KmPerDegreeLatitude * Math.Cos(centre.Latitude * Math.PI / 180);
        return new GeoPoint(
            Math.Round(centre.Latitude + north / KmPerDegreeLatitude, 5),
            Math.Round(centre.Longitude + east / kmPerDegreeLongitude, 5));
    }

    /// <summary>Standard normal by Box–Muller (deterministic from the seeded randomizer).</summary>
    public static double Normal(Randomizer random)
    {
        var u1 = 1.0 - random.Double();
        var u2 = random.Double();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
