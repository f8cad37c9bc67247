using Bogus;
using TerritoryGrid.Contracts.Activity;
using TerritoryGrid.Domain;
using TerritoryGrid.Domain.Accounts;
using TerritoryGrid.Domain.Company;
using TerritoryGrid.Synthetic.Companies;

namespace TerritoryGrid.Synthetic.History;

/// <summary>
/// One account's activity over a period: touches following its call pattern (delivered at its territory's rate),
/// leads at its industry's rate that are answered, qualified, won or lost, orders that add up to its annual revenue,
/// the odd marketing cost and NPS answer. Events come without ids; the generator numbers them in time order.
/// </summary>
internal sealed class AccountActivity(AccountDefinition account, RepDefinition? owner, IReadOnlyList<RepDefinition> territoryReps, MetricsOptions metrics)
{
    private readonly List<ActivityEvent> events = [];
    private Randomizer random = new();

    private double[] weeklyDelivery = [];
    private DateTimeOffset from;

    /// <summary>Generates the period's events; <paramref name="weeklyDelivery"/> is the territory's delivery rate per week.</summary>
    public List<ActivityEvent> Generate(HistorySpec spec, double[] weeklyDelivery)
    {
        random = new Randomizer(StableSeed.Of(spec.Seed, account.Id));
        this.weeklyDelivery = weeklyDelivery;
        from = spec.From;
        events.Clear();
        Touches(spec);
        Leads(spec);
        Orders(spec);
        Extras(spec);
        return events;
    }

    private double DeliveryAt(DateTimeOffset at) =>
        weeklyDelivery[Math.Clamp((int)((at - from).TotalDays / 7), 0, weeklyDelivery.Length - 1)];

    private void Touches(HistorySpec spec)
    {
        var pattern = metrics.CallPatterns.For(account.Segment ?? Segment.C);
        var interval = 28.0 / pattern.TouchesPer4Weeks;
        for (var day = random.Double(0, interval); spec.From.AddDays(day) < spec.To; day += interval)
        {
            var deliveryRate = DeliveryAt(spec.From.AddDays(day));
            var rate = account.Segment == Segment.A ? Math.Min(1, deliveryRate * 1.03) : deliveryRate;
            if (random.Double() < rate)
            {
                var kind = account.Segment switch
                {
                    Segment.A => random.Double() < 0.9 ? ActivityKind.Visit : ActivityKind.Video,
                    Segment.B => random.Double() < 0.6 ? ActivityKind.Call : ActivityKind.Video,
                    _ => random.Double() < 0.85 ? ActivityKind.Call : ActivityKind.Email,
                };
                Touch(spec.From.AddDays(Math.Floor(day)).AddHours(random.Double(8, 18)), kind, pattern.MinutesPerTouch, spec.To);
            }
        }
    }

    private void Touch(DateTimeOffset at, ActivityKind kind, double minutes, DateTimeOffset to)
    {
        if (at >= to)
        {
            return;
        }

        var rep = TeamOrOwner();
        var travel = kind == ActivityKind.Visit && rep is not null
            ? 2 * rep.Home.DistanceKmTo(account.Location) / metrics.Workload.TravelSpeedKmPerHour * 60
            : 0;
        events.Add(new ActivityEvent("", kind, at, account.Id, rep?.Id, DurationMinutes: minutes, TravelMinutes: Math.Round(travel, 1)));
    }

    /// <summary>Times of arrivals at <paramref name="perDay"/> × the season's multiplier, week by week.</summary>
    private List<DateTimeOffset> Arrivals(HistorySpec spec, double perDay)
    {
        var arrivals = new List<DateTimeOffset>();
        for (var weekStart = spec.From; weekStart < spec.To; weekStart = weekStart.AddDays(7))
        {
            var days = Math.Min(7, (spec.To - weekStart).TotalDays);
            var count = Poisson(perDay * days * spec.MultiplierAt(account, weekStart.AddDays(days / 2)));
            for (var i = 0; i < count; i++)
            {
                arrivals.Add(weekStart.AddDays(random.Double(0, days)));
            }
        }

        return arrivals;
    }

    private void Leads(HistorySpec spec)
    {
        var arrivals = Arrivals(spec, spec.LeadsPerAccountPerDay * Catalogue.LeadRateFactor(account.Industry));
        for (var i = 0; i < arrivals.Count; i++)
        {
            var created = arrivals[i];
            var deliveryRate = DeliveryAt(created);
            var lead = $"{account.Id}-L{created.UtcTicks / TimeSpan.TicksPerMinute}-{i}";
            var rep = owner;
            Add(new ActivityEvent("", ActivityKind.LeadCreated, created, account.Id, rep?.Id, ReferenceId: lead), spec.To);
            // A territory with the capacity answers every new lead within the response target; one short of it
            // answers in proportion.
            if (random.Double() < deliveryRate / TerritoryDelivery.Diligence)
            {
                Touch(created.AddHours(random.Double(1, 40)), ActivityKind.Call, 15, spec.To);
            }

            if (random.Double() >= Catalogue.QualificationRate)
            {
                Add(new ActivityEvent("", ActivityKind.LeadDisqualified, created.AddDays(random.Double(3, 14)), account.Id, rep?.Id, ReferenceId: lead), spec.To);
                continue;
            }

            var qualified = created.AddDays(random.Double(2, 12));
            var value = Math.Round(Math.Max(2_000, Math.Max(account.AnnualRevenue, 20_000) * random.Double(0.05, 0.3)), 0);
            Add(new ActivityEvent("", ActivityKind.LeadQualified, qualified, account.Id, rep?.Id, Amount: value, ReferenceId: lead), spec.To);
            var closed = qualified.AddDays(random.Double(7, 45));
            var won = random.Double() < Catalogue.WinRate(account.Industry);
            Add(won
                ? new ActivityEvent("", ActivityKind.OpportunityWon, closed, account.Id, rep?.Id, Amount: Math.Round(value * random.Double(0.8, 1.1), 0), ReferenceId: lead, Product: Product())
                : new ActivityEvent("", ActivityKind.OpportunityLost, closed, account.Id, rep?.Id, ReferenceId: lead), spec.To);
        }
    }

    private void Orders(HistorySpec spec)
    {
        if (account.Stage != FunnelStage.Customer || account.AnnualRevenue <= 0)
        {
            return;
        }

        var perYear = Math.Clamp(account.AnnualRevenue / 20_000, 2, 24);
        foreach (var at in Arrivals(spec, perYear / 365))
        {
            var amount = Math.Round(account.AnnualRevenue / perYear * random.Double(0.7, 1.3), 2);
            var cost = Math.Round(account.AnnualCostToServe / perYear * random.Double(0.7, 1.3), 2);
            Add(new ActivityEvent("", ActivityKind.Order, at, account.Id, owner?.Id, Amount: amount, Cost: cost, Product: Product()), spec.To);
        }
    }

    private void Extras(HistorySpec spec)
    {
        var days = (spec.To - spec.From).TotalDays;
        var deliveryRate = weeklyDelivery.Average();
        if (random.Double() < 0.01 * days / 30)
        {
            Add(new ActivityEvent("", ActivityKind.Cost, spec.From.AddDays(random.Double(0, days)), account.Id, owner?.Id,
                Amount: Math.Round(random.Double(100, 2_000), 2)), spec.To);
        }

        if (account.Stage == FunnelStage.Customer && random.Double() < 0.03 * days / 30)
        {
            var mean = deliveryRate < 0.85 ? 6.5 : 8.2;
            var score = (int)Math.Clamp(Math.Round(mean + 1.8 * GeoJitter.Normal(random)), 0, 10);
            Add(new ActivityEvent("", ActivityKind.NpsAnswer, spec.From.AddDays(random.Double(0, days)), account.Id, Score: score), spec.To);
        }
    }

    private void Add(ActivityEvent e, DateTimeOffset to)
    {
        if (e.OccurredAt < to)
        {
            events.Add(e);
        }
    }

    /// <summary>The owner, or (5% of the time) another rep of the territory: team selling and cover.</summary>
    private RepDefinition? TeamOrOwner() =>
        territoryReps.Count > 1 && random.Double() < 0.05 ? territoryReps[random.Int(0, territoryReps.Count - 1)] : owner;

    private string Product() => Catalogue.Products[random.Int(0, Catalogue.Products.Length - 1)];

    private int Poisson(double mean)
    {
        var limit = Math.Exp(-Math.Min(mean, 600));
        var count = 0;
        for (var product = random.Double(); product > limit; product *= random.Double())
        {
            count++;
        }

        return count;
    }
}
