using TerritoryGrid.Optimisation.Model;

namespace TerritoryGrid.Optimisation.Search;

/// <summary>
/// Greedy descent under the budget: each pass finds every account's most efficient improving move (objective gained
/// per share of the budgets spent; free moves and returns first), then applies them best first, each re-checked
/// against the loads the moves before it made. Passes repeat until none improves: a local optimum for single moves.
/// On small companies, where one account is a large share of a rep's load and alone overshoots, chains of two moves
/// are tried too (a to b's rep while b moves on, or back: a swap), then single moves again.
/// </summary>
internal static class Descent
{
    /// <summary>A move must gain at least this much to count, so rounding noise never keeps the search going.</summary>
    private const double MinimumGain = 1e-12;

    private const int MaxPasses = 1_000;

    /// <returns>Move evaluations done (the search's measure of work).</returns>
    /// <param name="chains">Whether chains of two moves are tried too (small companies).</param>
    /// <param name="noise">When given, each pass orders its moves by efficiency × a random factor in [0.5, 1.5] (a randomised
    /// greedy, so restarts of the search take different routes); every applied move still improves.</param>
    public static long Run(SearchState state, int[] movable, bool chains, Random? noise = null)
    {
        var work = SingleMoves(state, movable, noise);
        while (chains)
        {
            var (applied, evaluated) = Chains(state, movable);
            work += evaluated;
            if (applied == 0)
            {
                break;
            }

            work += SingleMoves(state, movable, noise);
        }

        return work;
    }

    private static long SingleMoves(SearchState state, int[] movable, Random? noise)
    {
        var candidates = state.Candidates;
        var bestSlot = new int[movable.Length];
        var bestEfficiency = new double[movable.Length];
        var bestDelta = new double[movable.Length];
        long work = 0;
        for (var pass = 0; pass < MaxPasses; pass++)
        {
            Parallel.For(0, movable.Length, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, () => 0L, (i, _, evaluated) =>
            {
                var a = movable[i];
                bestSlot[i] = -1;
                for (var slot = candidates.Start[a]; slot < candidates.Start[a + 1]; slot++)
                {
                    var delta = state.Delta(a, slot);
                    evaluated++;
                    if (delta >= -MinimumGain)
                    {
                        continue;
                    }

                    var cost = state.Cost(a, slot);
                    var efficiency = cost > 0 ? -delta / cost : double.PositiveInfinity;
                    if (bestSlot[i] < 0 || efficiency > bestEfficiency[i] || (efficiency == bestEfficiency[i] && delta < bestDelta[i]))
                    {
                        (bestSlot[i], bestEfficiency[i], bestDelta[i]) = (slot, efficiency, delta);
                    }
                }

                return evaluated;
            }, evaluated => Interlocked.Add(ref work, evaluated));

            if (noise is not null)
            {
                for (var i = 0; i < movable.Length; i++)
                {
                    bestEfficiency[i] *= 0.5 + noise.NextDouble();
                }
            }

            var order = Enumerable.Range(0, movable.Length).Where(i => bestSlot[i] >= 0)
                .OrderByDescending(i => bestEfficiency[i]).ThenBy(i => bestDelta[i]).ThenBy(i => i).ToArray();
            var applied = 0;
            foreach (var i in order)
            {
                // Earlier moves in this pass changed loads and budget: apply only what still improves.
                if (state.Delta(movable[i], bestSlot[i]) < -MinimumGain)
                {
                    state.Move(movable[i], bestSlot[i]);
                    applied++;
                }
            }

            work += order.Length;
            if (applied == 0)
            {
                break;
            }
        }

        return work;
    }

    /// <summary>One pass of chains: each account's best improving chain with an account of a rep it may go to, applied best first.</summary>
    private static (int Applied, long Evaluated) Chains(SearchState state, int[] movable)
    {
        var candidates = state.Candidates;
        var ownedBy = movable.GroupBy(a => candidates.Rep[state.Slot[a]]).ToDictionary(g => g.Key, g => g.ToArray());
        var found = new (int ToA, int B, int ToB, double Delta)[movable.Length];
        long evaluated = 0;
        Parallel.For(0, movable.Length, () => 0L, (i, _, count) =>
        {
            var a = movable[i];
            found[i] = (-1, -1, -1, -MinimumGain);
            for (var toA = candidates.Start[a]; toA < candidates.Start[a + 1]; toA++)
            {
                if (toA == state.Slot[a] || !ownedBy.TryGetValue(candidates.Rep[toA], out var others))
                {
                    continue;
                }

                foreach (var b in others)
                {
                    for (var toB = candidates.Start[b]; toB < candidates.Start[b + 1]; toB++)
                    {
                        count++;
                        var delta = state.ChainDelta(a, toA, b, toB);
                        if (delta < found[i].Delta)
                        {
                            found[i] = (toA, b, toB, delta);
                        }
                    }
                }
            }

            return count;
        }, count => Interlocked.Add(ref evaluated, count));

        var applied = 0;
        foreach (var i in Enumerable.Range(0, movable.Length).Where(i => found[i].ToA >= 0).OrderBy(i => found[i].Delta).ThenBy(i => i))
        {
            var (toA, b, toB, _) = found[i];
            if (state.ChainDelta(movable[i], toA, b, toB) < -MinimumGain)
            {
                state.Move(movable[i], toA);
                state.Move(b, toB);
                applied++;
            }
        }

        return (applied, evaluated);
    }
}
