using TerritoryGrid.Optimisation.Model;

namespace TerritoryGrid.Optimisation.Search;

/// <summary>
/// On small companies: for each pair of reps who may trade accounts, tries every split between them of the accounts
/// either holds (at most <see cref="MaxPooled"/>), and keeps the best split that improves the objective within the rules.
/// It finds the many-for-one trades that single moves and chains of two cannot reach when caps and floors bind.
/// </summary>
internal static class PairReassignment
{
    /// <summary>2^14 splits of 14 accounts: cheap for a pair; more would grow as 2^n.</summary>
    public const int MaxPooled = 14;

    private const double MinimumGain = 1e-12;

    /// <returns>Whether any pair's accounts were reassigned.</returns>
    public static bool Run(SearchState state, int[] movable)
    {
        var instance = state.Instance;
        var candidates = state.Candidates;
        var improved = false;
        var balanced = Enumerable.Range(0, instance.RepCount).Where(r => instance.Capacity[r] > 0).ToArray();
        foreach (var r in balanced)
        {
            foreach (var s in balanced.Where(s => s > r && instance.RepGroup[s] == instance.RepGroup[r]))
            {
                improved |= Reassign(state, movable, candidates, r, s);
            }
        }

        return improved;
    }

    private static bool Reassign(SearchState state, int[] movable, CandidateLists candidates, int r, int s)
    {
        var pool = new List<(int Account, int SlotR, int SlotS)>();
        foreach (var a in movable)
        {
            var owner = candidates.Rep[state.Slot[a]];
            if (owner != r && owner != s)
            {
                continue;
            }

            var (slotR, slotS) = (SlotOf(candidates, a, r), SlotOf(candidates, a, s));
            if (slotR >= 0 && slotS >= 0)
            {
                pool.Add((a, slotR, slotS));
            }
        }

        if (pool.Count is 0 or > MaxPooled)
        {
            return false;
        }

        var before = state.PairObjective(r, s);
        var original = pool.Select(p => state.Slot[p.Account]).ToArray();
        var (loadR, loadS, countR, countS) = (state.Load[r], state.Load[s], state.Count[r], state.Count[s]);
        var bestMask = -1;
        var best = before - MinimumGain;
        for (var mask = 0; mask < 1 << pool.Count; mask++)
        {
            Apply(state, pool, mask);
            if (state.WithinBudgets() && state.KeepsRepRules(r, loadR, countR) && state.KeepsRepRules(s, loadS, countS))
            {
                var objective = state.PairObjective(r, s);
                if (objective < best)
                {
                    (best, bestMask) = (objective, mask);
                }
            }
        }

        if (bestMask >= 0)
        {
            Apply(state, pool, bestMask);
            return true;
        }

        for (var i = 0; i < pool.Count; i++)
        {
            if (state.Slot[pool[i].Account] != original[i])
            {
                state.Move(pool[i].Account, original[i]);
            }
        }

        return false;
    }

    /// <summary>Bit i of <paramref name="mask"/> set: pooled account i with rep s, else with rep r.</summary>
    private static void Apply(SearchState state, List<(int Account, int SlotR, int SlotS)> pool, int mask)
    {
        for (var i = 0; i < pool.Count; i++)
        {
            var slot = (mask >> i & 1) == 1 ? pool[i].SlotS : pool[i].SlotR;
            if (state.Slot[pool[i].Account] != slot)
            {
                state.Move(pool[i].Account, slot);
            }
        }
    }

    private static int SlotOf(CandidateLists candidates, int account, int rep)
    {
        for (var slot = candidates.Start[account]; slot < candidates.Start[account + 1]; slot++)
        {
            if (candidates.Rep[slot] == rep)
            {
                return slot;
            }
        }

        return -1;
    }
}
