using TerritoryGrid.Optimisation.Model;

namespace TerritoryGrid.Optimisation.Search;

/// <summary>
/// The assignment being improved (each account's current candidate slot) with every rep's load and account count,
/// the value moved so far and the total travel, kept up to date move by move so a move's effect costs O(1).
/// </summary>
internal sealed class SearchState
{
    private readonly BalancingInstance instance;
    private readonly CandidateLists candidates;
    /// <summary>Value moved and the budget are kept in decimal, so a plan that spends the budget exactly is allowed and none exceeds it by a rounding.</summary>
    private readonly decimal budget;
    private readonly decimal[] value;
    private readonly double perRep;
    private readonly double travelWeight;

    public SearchState(BalancingInstance instance, CandidateLists candidates)
    {
        this.instance = instance;
        this.candidates = candidates;
        budget = (decimal)instance.Budget;
        value = [.. instance.Value.Select(v => (decimal)v)];
        perRep = 1.0 / Math.Max(1, instance.BalancedRepCount);
        travelWeight = instance.CompactnessWeight / Math.Max(1, instance.OwnedAccountCount);
        Slot = [.. candidates.Start.Take(instance.AccountCount)];
        Load = new double[instance.RepCount];
        Count = new int[instance.RepCount];
        Recount();
    }

    public int[] Slot { get; }

    public double[] Load { get; }

    public int[] Count { get; }

    public decimal Spent { get; private set; }

    /// <summary>Accounts whose owner differs from the start.</summary>
    public int MovedCount { get; private set; }

    public double TravelHours { get; private set; }

    public CandidateLists Candidates => candidates;

    public BalancingInstance Instance => instance;

    public bool IsMoved(int account) => Slot[account] != candidates.Start[account];

    public bool WithinBudgets() => Spent <= budget && MovedCount <= instance.MaxAccountsMoved;

    /// <summary>Whether a rep whose load and account count were <paramref name="loadBefore"/> and <paramref name="countBefore"/> still keeps the rules.</summary>
    public bool KeepsRepRules(int rep, double loadBefore, int countBefore) =>
        (Load[rep] <= loadBefore || Load[rep] <= instance.LoadLimit[rep]) &&
        (Load[rep] >= loadBefore || Load[rep] >= instance.LoadFloor[rep]) &&
        (instance.MaxAccountsPerRep == 0 || Count[rep] <= countBefore || Count[rep] <= instance.MaxAccountsPerRep);

    /// <summary>Change in the objective if the account moves to candidate slot <paramref name="to"/>; +∞ when a rule forbids it.</summary>
    public double Delta(int account, int to)
    {
        var from = Slot[account];
        if (to == from || !Allowed(account, to))
        {
            return double.PositiveInfinity;
        }

        var r = candidates.Rep[from];
        var s = candidates.Rep[to];
        var target = instance.TargetUtilisation;
        var cr = instance.Capacity[r];
        var cs = instance.Capacity[s];
        var before = Math.Abs(Load[r] / cr - target) + Math.Abs(Load[s] / cs - target);
        var after = Math.Abs((Load[r] - candidates.Demand[from]) / cr - target) + Math.Abs((Load[s] + candidates.Demand[to]) / cs - target);
        return (after - before) * perRep + travelWeight * (candidates.TravelHours[to] - candidates.TravelHours[from]);
    }

    /// <summary>
    /// Change in the objective if account <paramref name="a"/> moves to slot <paramref name="toA"/> (rep s) while
    /// account <paramref name="b"/>, owned by s, moves on to slot <paramref name="toB"/> (rep t; a swap when t is a's
    /// owner): an ejection chain, for when one account alone overshoots or its new rep must first make room.
    /// +∞ when a rule forbids it.
    /// </summary>
    public double ChainDelta(int a, int toA, int b, int toB)
    {
        var fromA = Slot[a];
        var fromB = Slot[b];
        var r = candidates.Rep[fromA];
        var s = candidates.Rep[toA];
        var t = candidates.Rep[toB];
        if (a == b || candidates.Rep[fromB] != s || t == s || toA == fromA || toB == fromB)
        {
            return double.PositiveInfinity;
        }

        var cost = SpentBy(a, toA) + SpentBy(b, toB);
        var changeR = -candidates.Demand[fromA] + (t == r ? candidates.Demand[toB] : 0);
        var changeS = candidates.Demand[toA] - candidates.Demand[fromB];
        var changeT = t == r ? 0 : candidates.Demand[toB];
        if ((cost > 0 && Spent + cost > budget) ||
            MovedCount + Leaving(a, toA) + Leaving(b, toB) > instance.MaxAccountsMoved ||
            !WithinLimit(r, changeR) || !WithinLimit(s, changeS) || !WithinLimit(t, changeT) ||
            (instance.MaxAccountsPerRep > 0 && t != r && Count[t] >= instance.MaxAccountsPerRep))
        {
            return double.PositiveInfinity;
        }

        var deviation = DeviationChange(r, changeR) + DeviationChange(s, changeS) + (t == r ? 0 : DeviationChange(t, changeT));
        var travel = candidates.TravelHours[toA] - candidates.TravelHours[fromA] + candidates.TravelHours[toB] - candidates.TravelHours[fromB];
        return deviation * perRep + travelWeight * travel;
    }

    /// <summary>
    /// What the move costs against the budgets, as shares of each (value; accounts when limited): positive when the
    /// account first leaves its owner, negative when it returns, zero between two new owners.
    /// </summary>
    public double Cost(int account, int to) =>
        (double)SpentBy(account, to) / Math.Max(instance.Budget, double.Epsilon) +
        (instance.MaxAccountsMoved == int.MaxValue ? 0 : Leaving(account, to) / Math.Max(1.0, instance.MaxAccountsMoved));

    /// <summary>+1 when the move takes the account from its starting owner, −1 when it brings it back.</summary>
    private int Leaving(int account, int to)
    {
        var start = candidates.Start[account];
        return (Slot[account] == start ? 1 : 0) - (to == start ? 1 : 0);
    }

    private decimal SpentBy(int account, int to)
    {
        var start = candidates.Start[account];
        return (Slot[account] == start ? value[account] : 0) - (to == start ? value[account] : 0);
    }

    public void Move(int account, int to)
    {
        var from = Slot[account];
        Spent += SpentBy(account, to);
        MovedCount += Leaving(account, to);
        Load[candidates.Rep[from]] -= candidates.Demand[from];
        Load[candidates.Rep[to]] += candidates.Demand[to];
        Count[candidates.Rep[from]]--;
        Count[candidates.Rep[to]]++;
        TravelHours += candidates.TravelHours[to] - candidates.TravelHours[from];
        Slot[account] = to;
    }

    /// <summary>The objective of the current assignment, from the loads (the same sum <see cref="Objective"/> takes).</summary>
    public double ObjectiveValue()
    {
        double deviation = 0;
        for (var r = 0; r < instance.RepCount; r++)
        {
            if (instance.Capacity[r] > 0)
            {
                deviation += Math.Abs(Load[r] / instance.Capacity[r] - instance.TargetUtilisation);
            }
        }

        return deviation * perRep + travelWeight * TravelHours;
    }

    /// <summary>The part of the objective that depends on reps r and s and on travel: what a trade between them changes.</summary>
    public double PairObjective(int r, int s) =>
        (Math.Abs(Load[r] / instance.Capacity[r] - instance.TargetUtilisation) +
         Math.Abs(Load[s] / instance.Capacity[s] - instance.TargetUtilisation)) * perRep + travelWeight * TravelHours;

    public void Restore(int[] slots)
    {
        Array.Copy(slots, Slot, slots.Length);
        Recount();
    }

    public int[] Owners() => [.. Enumerable.Range(0, instance.AccountCount).Select(a => Slot[a] < candidates.Start[a + 1] ? candidates.Rep[Slot[a]] : -1)];

    /// <summary>A rep may gain load up to its limit and lose it down to its floor.</summary>
    private bool WithinLimit(int rep, double change) =>
        change <= 0 ? change == 0 || Load[rep] + change >= instance.LoadFloor[rep] : Load[rep] + change <= instance.LoadLimit[rep];

    private double DeviationChange(int rep, double change)
    {
        var target = instance.TargetUtilisation;
        var capacity = instance.Capacity[rep];
        return Math.Abs((Load[rep] + change) / capacity - target) - Math.Abs(Load[rep] / capacity - target);
    }

    private bool Allowed(int account, int to)
    {
        var from = Slot[account];
        var cost = SpentBy(account, to);
        return (cost <= 0 || Spent + cost <= budget) &&
               MovedCount + Leaving(account, to) <= instance.MaxAccountsMoved &&
               WithinLimit(candidates.Rep[to], candidates.Demand[to]) &&
               WithinLimit(candidates.Rep[from], -candidates.Demand[from]) &&
               (instance.MaxAccountsPerRep == 0 || Count[candidates.Rep[to]] < instance.MaxAccountsPerRep);
    }

    private void Recount()
    {
        Array.Clear(Load);
        Array.Clear(Count);
        Spent = 0;
        MovedCount = 0;
        TravelHours = 0;
        for (var a = 0; a < instance.AccountCount; a++)
        {
            var slot = Slot[a];
            if (slot == candidates.Start[a + 1])
            {
                continue;
            }

            var rep = candidates.Rep[slot];
            Load[rep] += candidates.Demand[slot];
            Count[rep]++;
            TravelHours += candidates.TravelHours[slot];
            if (slot != candidates.Start[a])
            {
                Spent += value[a];
                MovedCount++;
            }
        }
    }
}
