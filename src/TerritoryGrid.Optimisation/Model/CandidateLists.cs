namespace TerritoryGrid.Optimisation.Model;

/// <summary>
/// For each account, the reps it may go to: its starting owner first, then the nearest reps by home that may own it.
/// Demand and travel hours for each pair are computed once here, so the search never measures a distance. Stored flat:
/// account a's candidates are slots <c>Start[a]</c> to <c>Start[a + 1]</c>.
/// </summary>
internal sealed class CandidateLists
{
    private CandidateLists(int[] start, int[] rep, double[] demand, double[] travelHours)
    {
        Start = start;
        Rep = rep;
        Demand = demand;
        TravelHours = travelHours;
    }

    public int[] Start { get; }

    public int[] Rep { get; }

    public double[] Demand { get; }

    public double[] TravelHours { get; }

    public static CandidateLists Build(BalancingInstance instance, int nearest)
    {
        var trees = Enumerable.Range(0, instance.RepCount)
            .Where(r => instance.Capacity[r] > 0)
            .GroupBy(r => instance.RepGroup[r])
            .ToDictionary(g => g.Key, g => new NearestReps([.. g], instance.RepHome));
        var perAccount = new int[instance.AccountCount][];
        Parallel.For(0, instance.AccountCount, a =>
        {
            var owner = instance.StartOwner[a];
            perAccount[a] = !instance.Movable[a] || !trees.TryGetValue(instance.RepGroup[owner], out var tree)
                ? owner >= 0 ? [owner] : []
                : [owner, .. tree.Nearest(instance.AccountLocation[a], nearest + 1).Where(r => r != owner && instance.MayOwn(a, r)).Take(nearest)];
        });

        var start = new int[instance.AccountCount + 1];
        for (var a = 0; a < instance.AccountCount; a++)
        {
            start[a + 1] = start[a] + perAccount[a].Length;
        }

        var rep = new int[start[^1]];
        var demand = new double[rep.Length];
        var travel = new double[rep.Length];
        Parallel.For(0, instance.AccountCount, a =>
        {
            for (var j = 0; j < perAccount[a].Length; j++)
            {
                var slot = start[a] + j;
                rep[slot] = perAccount[a][j];
                demand[slot] = instance.Demand(a, rep[slot]);
                travel[slot] = instance.TravelHours(a, rep[slot]);
            }
        });

        return new CandidateLists(start, rep, demand, travel);
    }
}
