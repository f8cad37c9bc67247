using TerritoryGrid.Domain;
using TerritoryGrid.Contracts.Rollups;
using TerritoryGrid.Domain.Coverage;

namespace TerritoryGrid.Grains.Accounts;

/// <summary>Builds the contributions an account sends to its territory and reps from its current state.</summary>
internal static class ContributionBuilder
{
    /// <summary>
    /// The account's whole contribution to its territory: all activity, whoever did it, and its coverage needs (built
    /// once per change by <see cref="Coverage"/>). Its days by event day are all of them, or, given
    /// <paramref name="changedFromDay"/> (a batch of events changed nothing earlier), only those from that day on.
    /// </summary>
    public static AccountContribution ForTerritory(
        string accountId, AccountState state, AccountCoverage coverage, DateTimeOffset? earliestChange = null, int? changedFromDay = null)
    {
        var totals = state.Totals;
        SetOpenFunnel(ref totals, state, repId: null);
        var (days, daysFrom, oldestDay) = changedFromDay is { } from ? DaysFrom(state, from) : (AllDays(state), null, null);
        return new AccountContribution(
            accountId, state.Sequence, totals, Products(state), coverage, state.Watermark, state.LastContactAt, earliestChange,
            days, MonthlyMoneyLedger.OfAccount(state), daysFrom, oldestDay);
    }

    /// <summary>The retained days from <paramref name="from"/> on, with the oldest retained day; all of them (no bounds) when none is older.</summary>
    private static (DayTotals[] Days, int? From, int? Oldest) DaysFrom(AccountState state, int from)
    {
        int? oldest = null;
        var older = 0;
        foreach (var day in state.TotalsByDay.Days)
        {
            oldest ??= day;
            if (day >= from)
            {
                break;
            }

            older++;
        }

        if (older == 0)
        {
            return (AllDays(state), null, null);
        }

        var days = new DayTotals[state.TotalsByDay.Count - older];
        var i = 0;
        foreach (var (day, dayTotals) in state.TotalsByDay)
        {
            if (day >= from)
            {
                days[i++] = new DayTotals(day, dayTotals);
            }
        }

        return (days, from, oldest);
    }

    /// <summary>
    /// The account's contribution to every territory it has belonged to, each with the activity credited while it
    /// held the account (ownership is effective-dated in event time). An account that never moved has one, which
    /// carries only the days from <paramref name="changedFromDay"/> on when given; a moved account's are always whole.
    /// </summary>
    public static (string TerritoryId, AccountContribution Contribution)[] ForTerritories(
        string accountId, AccountState state, AccountCoverage coverage, DateTimeOffset? earliestChange = null, bool includeFormer = true,
        int? changedFromDay = null)
    {
        var coveredFrom = CurrentTerritorySince(state);
        var current = coverage.CoveredFrom == coveredFrom ? coverage : coverage with { CoveredFrom = coveredFrom };
        var currentId = state.Setup!.TerritoryId;
        return state.FormerAssignments is { } formers
            ? ForMovedAccount(accountId, state, coverage, current, currentId, formers, earliestChange, includeFormer)
            : [(currentId, ForTerritory(accountId, state, current, earliestChange, changedFromDay))];
    }

    /// <summary>
    /// <see cref="ForTerritories"/> for an account that has moved: its own method because its lambdas capture locals,
    /// and a method holding them allocates their closure on every call, also for the accounts that never moved.
    /// </summary>
    private static (string TerritoryId, AccountContribution Contribution)[] ForMovedAccount(
        string accountId, AccountState state, AccountCoverage coverage, AccountCoverage current, string currentId,
        List<FormerAssignment> formers, DateTimeOffset? earliestChange, bool includeFormer)
    {
        var whole = ForTerritory(accountId, state, current, earliestChange);

        // What the current territory holds is the whole account less what former periods were credited, plus any
        // earlier period in this same territory (an account moved away and back).
        var currentTotals = whole.Totals;
        var currentProducts = state.RevenueByProduct.ToDictionary(StringComparer.Ordinal);
        var earlier = new Dictionary<string, (ActivityTotals Totals, Dictionary<string, double> Products, FormerAssignment Latest)>(StringComparer.Ordinal);
        foreach (var former in formers)
        {
            currentTotals.Add(former.Credited, -1);
            AddProducts(currentProducts, former.RevenueByProduct, -1);
            var (totals, products, _) = earlier.GetValueOrDefault(former.TerritoryId, (default, new(StringComparer.Ordinal), former));
            totals.Add(former.Credited, +1);
            AddProducts(products, former.RevenueByProduct, +1);
            earlier[former.TerritoryId] = (totals, products, former);
        }

        if (earlier.Remove(currentId, out var sameTerritory))
        {
            currentTotals.Add(sameTerritory.Totals, +1);
            AddProducts(currentProducts, sameTerritory.Products, +1);
        }

        var result = new List<(string, AccountContribution)>(earlier.Count + 1)
        {
            (currentId, whole with
            {
                Totals = currentTotals,
                RevenueByProduct = AsProducts(currentProducts),
                TotalsByDay = DaysOf(state, day => day >= EventDay.Of(state.AssignedFrom!.Value) ||
                    formers.Any(f => f.TerritoryId == currentId && Holds(f, day))),
            }),
        };
        if (includeFormer)
        {
            foreach (var (territoryId, (totals, products, latest)) in earlier)
            {
                result.Add((territoryId, new AccountContribution(
                    accountId, state.Sequence, totals, AsProducts(products), coverage with { CoveredFrom = latest.From, CoveredUntil = latest.Until },
                    state.Watermark, state.LastContactAt, earliestChange,
                    DaysOf(state, day => formers.Any(f => f.TerritoryId == territoryId && Holds(f, day))))));
            }
        }

        return [.. result];
    }

    /// <summary>
    /// Since when the account has been in its current territory without a break: a move that only changed its owner
    /// leaves it where it was, so the territory keeps counting its demand and call plan for the days before that move.
    /// </summary>
    private static DateTimeOffset? CurrentTerritorySince(AccountState state)
    {
        var since = state.AssignedFrom;
        var territoryId = state.Setup!.TerritoryId;
        for (var i = (state.FormerAssignments?.Count ?? 0) - 1; i >= 0 && since is not null; i--)
        {
            var former = state.FormerAssignments![i];
            if (former.TerritoryId != territoryId || former.Until != since)
            {
                break;
            }

            since = former.From;
        }

        return since;
    }

    /// <summary>
    /// Whether a former period holds all of <paramref name="day"/>: plans take effect at the start of a day, so every
    /// event-time day belongs wholly to one period and its totals to one territory.
    /// </summary>
    private static bool Holds(FormerAssignment former, int day) =>
        (former.From is not { } from || day >= EventDay.Of(from)) && day < EventDay.Of(former.Until);

    /// <summary>
    /// Every retained day's totals, written into an array of the right size: up to 63 days of 22 counters each make
    /// this the largest part of a contribution, and building it from a sequence of unknown length copied it twice.
    /// </summary>
    private static DayTotals[] AllDays(AccountState state)
    {
        var days = new DayTotals[state.TotalsByDay.Count];
        var i = 0;
        foreach (var (day, totals) in state.TotalsByDay)
        {
            days[i++] = new DayTotals(day, totals);
        }

        return days;
    }

    private static DayTotals[] DaysOf(AccountState state, Func<int, bool> include)
    {
        var days = new List<DayTotals>(state.TotalsByDay.Count);
        foreach (var (day, totals) in state.TotalsByDay)
        {
            if (include(day))
            {
                days.Add(new DayTotals(day, totals));
            }
        }

        return [.. days];
    }

    /// <summary>The reps who owned the account before, who keep its coverage for the periods they held it.</summary>
    public static IEnumerable<string> FormerOwners(AccountState state) =>
        state.FormerAssignments?.Where(f => f.OwnerRepId is not null && f.OwnerRepId != state.Setup?.OwnerRepId)
            .Select(f => f.OwnerRepId!).Distinct(StringComparer.Ordinal) ?? [];

    /// <summary>
    /// What one rep gets from the account: the activity that rep did, and the coverage needs when the rep owns it.
    /// A rep who neither owns nor worked the account gets empty totals (which removes an earlier contribution).
    /// </summary>
    public static AccountContribution ForRep(
        string accountId, string repId, AccountState state, AccountCoverage coverage, DateTimeOffset? earliestChange = null)
    {
        var totals = state.ByRep.GetValueOrDefault(repId);
        SetOpenFunnel(ref totals, state, repId);
        var owned = state.Setup?.OwnerRepId == repId
            ? (coverage.CoveredFrom == state.AssignedFrom ? coverage : coverage with { CoveredFrom = state.AssignedFrom })
            : LastOwnedBy(state.FormerAssignments, repId) is { } former
                ? coverage with { CoveredFrom = former.From, CoveredUntil = former.Until }
                : null;
        return new AccountContribution(
            accountId, state.Sequence, totals, [], owned, state.Watermark, state.LastContactAt, earliestChange,
            MoneyByMonth: MonthlyMoneyLedger.OfRep(state, repId));
    }

    /// <summary>The rep's latest former period as owner (a loop: a lambda capturing the rep would allocate on every call).</summary>
    private static FormerAssignment? LastOwnedBy(List<FormerAssignment>? formers, string repId)
    {
        for (var i = (formers?.Count ?? 0) - 1; i >= 0; i--)
        {
            if (formers![i].OwnerRepId == repId)
            {
                return formers[i];
            }
        }

        return null;
    }

    private static void AddProducts(Dictionary<string, double> into, Dictionary<string, double> amounts, int sign)
    {
        foreach (var (product, amount) in amounts)
        {
            into[product] = into.GetValueOrDefault(product) + sign * amount;
        }
    }

    private static ProductAmount[] AsProducts(Dictionary<string, double> products) =>
        [.. products.Where(p => p.Value != 0).Select(p => new ProductAmount(p.Key, p.Value))];

    /// <summary>
    /// The account's needs as its current territory and owner see them, covered from <paramref name="coveredFrom"/>. A
    /// closed account's coverage ends when it was closed (its demand and call plan stop counting from then, its totals
    /// stay); an orphaned one carries the period. Built after every applied batch, so written with loops into arrays of
    /// the right size: LINQ's iterators and the sorted dictionary's tree walks were a tenth of live ingest's allocation.
    /// </summary>
    public static AccountCoverage Coverage(AccountState state, MetricsOptions options, DateTimeOffset? coveredFrom = null)
    {
        var setup = state.Setup!;
        var pattern = options.CallPatterns.For(setup.Segment);
        var baseDemand = Workload.DemandHoursPerWeek(pattern, setup.TravelKmFromOwner, 0, 0, options.Workload);
        var leads = Spans(state.Leads, static l => l.IsOpen, static l => new FunnelSpan(l.CreatedAt, l.FirstTouchAt, l.ClosedAt), out var openLeads);
        var opportunities = Spans(
            state.Opportunities, static o => o.IsOpen, static o => new FunnelSpan(o.CreatedAt, null, o.ClosedAt, o.Amount), out var openOpportunities);
        var demand = state.ChurnedAt is not null
            ? 0
            : Workload.DemandHoursPerWeek(pattern, setup.TravelKmFromOwner, openLeads, openOpportunities, options.Workload);
        var touchDays = state.TouchesByDay.Days.ToArray();
        var touchCounts = state.TouchesByDay.Values.ToArray();

        return new AccountCoverage(
            setup.Segment,
            state.Stage,
            demand,
            setup.RevenuePotential,
            setup.AnnualRevenue,
            pattern.TouchesPer4Weeks,
            EventDay.Of(setup.PlanStart),
            touchDays,
            touchCounts,
            baseDemand,
            leads,
            opportunities,
            state.ChurnedAt,
            CoveredFrom: coveredFrom,
            CoveredUntil: state.ClosedAt,
            OrphanedFrom: state.OrphanedFrom,
            OrphanedUntil: state.OrphanedUntil);
    }

    /// <summary>The funnel spans of open and recent leads or opportunities, and how many are open (static selectors: nothing captured).</summary>
    private static FunnelSpan[] Spans<TRecord>(
        Dictionary<string, TRecord> records, Func<TRecord, bool> isOpen, Func<TRecord, FunnelSpan> span, out int open)
    {
        open = 0;
        if (records.Count == 0)
        {
            return [];
        }

        var spans = new FunnelSpan[records.Count];
        var i = 0;
        foreach (var record in records.Values)
        {
            open += isOpen(record) ? 1 : 0;
            spans[i++] = span(record);
        }

        return spans;
    }

    private static void SetOpenFunnel(ref ActivityTotals totals, AccountState state, string? repId)
    {
        totals.OpenLeads = 0;
        foreach (var lead in state.Leads.Values)
        {
            if (lead.IsOpen && (repId is null || lead.RepId == repId))
            {
                totals.OpenLeads++;
            }
        }

        totals.OpenOpportunities = 0;
        totals.OpenPipeline = 0;
        foreach (var opportunity in state.Opportunities.Values)
        {
            if (opportunity.IsOpen && (repId is null || opportunity.RepId == repId))
            {
                totals.OpenOpportunities++;
                totals.OpenPipeline += opportunity.Amount;
            }
        }
    }

    private static ProductAmount[] Products(AccountState state)
    {
        if (state.RevenueByProduct.Count == 0)
        {
            return [];
        }

        var products = new ProductAmount[state.RevenueByProduct.Count];
        var i = 0;
        foreach (var (product, amount) in state.RevenueByProduct)
        {
            products[i++] = new ProductAmount(product, amount);
        }

        return products;
    }
}
