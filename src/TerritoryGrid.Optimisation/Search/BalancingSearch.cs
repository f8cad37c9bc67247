using TerritoryGrid.Optimisation.Model;
using TerritoryGrid.Optimisation.Proposals;

namespace TerritoryGrid.Optimisation.Search;

/// <summary>
/// Greedy descent, then iterated local search: each round sends a few moved accounts home (freeing budget) and moves
/// a few others at random, descends again, and keeps the result when it is better (early on, sometimes when slightly
/// worse, to leave a basin); the best seen is returned. The rounds undo the greedy's knapsack mistakes: budget spent
/// on a move that a better pair of moves needed.
/// </summary>
internal static class BalancingSearch
{
    /// <summary>Starting temperature of the acceptance, as a share of the best objective.</summary>
    private const double AcceptanceTemperature = 0.05;

    /// <summary>Share of rounds that start over from the starting alignment (small companies only: on a large one a restart
    /// throws away thousands of good moves to redo them).</summary>
    private const double RestartShare = 0.3;

    /// <summary>
    /// Small companies get a pair reassignment (every split of two reps' accounts) every this many rounds and at the
    /// end: it finds many-for-one trades, but is too dear for every round.
    /// </summary>
    private const int PairEvery = 20;

    public static int[] Run(BalancingInstance instance, ProposalOptions options)
    {
        var candidates = CandidateLists.Build(instance, Math.Max(1, options.CandidateReps));
        var state = new SearchState(instance, candidates);
        var movable = Enumerable.Range(0, instance.AccountCount)
            .Where(a => candidates.Start[a + 1] - candidates.Start[a] > 1).ToArray();
        if (movable.Length == 0)
        {
            return state.Owners();
        }

        // Chains pay only where a rep holds few accounts; with many, single moves are fine-grained enough (and chains would cost
        // accounts × candidates × accounts per rep × candidates per pass).
        var slotsPerAccount = (double)candidates.Rep.Length / instance.AccountCount;
        var chains = (double)candidates.Rep.Length * slotsPerAccount * instance.AccountCount / Math.Max(1, instance.RepCount) <= options.SearchWork / 100.0;
        var work = Descent.Run(state, movable, chains);
        var current = state.ObjectiveValue();
        var best = current;
        var bestSlots = (int[])state.Slot.Clone();
        var currentSlots = (int[])bestSlots.Clone();
        var random = new Random(options.Seed);
        // A round rescans every candidate at least twice: the rounds the remaining work allows, fixed up front so the
        // result does not depend on timing.
        var roundWork = Math.Max(1, candidates.Rep.Length * 2L);
        var rounds = (int)Math.Min(options.ImprovementRounds, Math.Max(0, options.SearchWork - work) / roundWork);
        for (var round = 0; round < rounds; round++)
        {
            var restart = Perturb(state, movable, random, mayRestart: chains);
            Descent.Run(state, movable, chains, restart ? random : null);
            if (chains && round % PairEvery == PairEvery - 1)
            {
                Polish(state, movable);
            }

            var objective = state.ObjectiveValue();
            // Annealed acceptance of local optima: early rounds may keep a slightly worse one to leave a basin, late ones only better.
            var temperature = AcceptanceTemperature * best * (1 - (double)round / rounds);
            if (objective <= current || (temperature > 0 && random.NextDouble() < Math.Exp((current - objective) / temperature)))
            {
                current = objective;
                Array.Copy(state.Slot, currentSlots, currentSlots.Length);
            }
            else
            {
                state.Restore(currentSlots);
            }

            if (current < best - 1e-12)
            {
                best = current;
                Array.Copy(currentSlots, bestSlots, bestSlots.Length);
            }
        }

        state.Restore(bestSlots);
        if (chains)
        {
            Polish(state, movable);
        }

        return state.Owners();
    }

    /// <summary>Every split of each pair of reps' accounts, then descent again, until neither improves.</summary>
    private static void Polish(SearchState state, int[] movable)
    {
        while (PairReassignment.Run(state, movable))
        {
            Descent.Run(state, movable, chains: true);
        }
    }

    /// <summary>
    /// Sends a few moved accounts home and moves a few accounts at random (within the rules). On a small company, some
    /// rounds start over from the starting alignment with more random moves and a randomised greedy, so the search
    /// also leaves a whole basin.
    /// </summary>
    /// <returns>Whether this round starts over.</returns>
    private static bool Perturb(SearchState state, int[] movable, Random random, bool mayRestart)
    {
        var candidates = state.Candidates;
        var restart = mayRestart && random.NextDouble() < RestartShare;
        var moved = movable.Where(state.IsMoved).ToArray();
        // A few accounts on a small company; on a large one a share, so that each round's full rescan buys a real change.
        for (var n = restart ? moved.Length : random.Next(0, 4 + moved.Length / 100); n > 0 && moved.Length > 0; n--)
        {
            var a = restart ? moved[n - 1] : moved[random.Next(moved.Length)];
            if (state.IsMoved(a) && !double.IsPositiveInfinity(state.Delta(a, candidates.Start[a])))
            {
                state.Move(a, candidates.Start[a]);
            }
        }

        for (var n = random.Next(1, (restart ? 8 : 4) + movable.Length / 1_000); n > 0; n--)
        {
            var a = movable[random.Next(movable.Length)];
            var slot = candidates.Start[a] + random.Next(candidates.Start[a + 1] - candidates.Start[a]);
            if (!double.IsPositiveInfinity(state.Delta(a, slot)))
            {
                state.Move(a, slot);
            }
        }

        return restart;
    }
}
