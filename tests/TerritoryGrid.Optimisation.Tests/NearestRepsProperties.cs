using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using TerritoryGrid.Domain.Geography;
using TerritoryGrid.Optimisation.Model;

namespace TerritoryGrid.Optimisation.Tests;

/// <summary>The k-d tree behind each account's candidate reps finds exactly the k nearest homes a full scan finds.</summary>
public sealed class NearestRepsProperties
{
    private static Gen<GeoPoint> Point =>
        from lat in Gen.Choose(-600_000, 700_000)
        from lon in Gen.Choose(-1_800_000, 1_800_000)
        select new GeoPoint(lat / 10_000.0, lon / 10_000.0);

    [Property(MaxTest = 200)]
    public Property Nearest_IsTheBruteForceNearest() =>
        Prop.ForAll(Arb.From(Point.ArrayOf().Where(p => p.Length > 0)), Arb.From(Point), Arb.From(Gen.Choose(1, 20)), (homes, at, k) =>
        {
            // A subset of indexes, as a tree holds one role and region's reps.
            var reps = Enumerable.Range(0, homes.Length).Where(i => i % 3 != 1).ToArray();
            if (reps.Length == 0)
            {
                return true.ToProperty();
            }

            var found = new NearestReps(reps, homes).Nearest(at, k);
            var expected = reps.OrderBy(r => homes[r].DistanceKmTo(at)).ThenBy(r => r).Take(k).ToArray();
            // Equal distances may come in either order: compare the distances, nearest first.
            var distances = found.Select(r => Math.Round(homes[r].DistanceKmTo(at), 6)).ToArray();
            return (found.Distinct().Count() == found.Length && found.All(reps.Contains)
                    && distances.SequenceEqual(expected.Select(r => Math.Round(homes[r].DistanceKmTo(at), 6))))
                .Label($"found {string.Join(",", found)}, expected {string.Join(",", expected)}");
        });
}
