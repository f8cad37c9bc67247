namespace TerritoryGrid.Contracts.Rollups;

/// <summary>
/// Additive counters of activity. An account keeps one for itself and one per rep who worked it; reps and
/// territories keep the sum of the latest totals of their accounts, so their figures always equal the sum of
/// their accounts once roll-ups have drained.
/// </summary>
[GenerateSerializer, OmitDefaultMemberValues, Alias("tg.ActivityTotals")]
public struct ActivityTotals
{
    [Id(0)] public long Events;
    [Id(1)] public int Leads;
    [Id(2)] public int Opportunities;
    [Id(3)] public int Wins;
    [Id(4)] public int Losses;
    [Id(5)] public int NewAccounts;
    [Id(6)] public int Conversations;
    [Id(7)] public int Touches;
    [Id(8)] public double Revenue;
    [Id(9)] public double NewCustomerRevenue;
    [Id(10)] public double Cost;
    [Id(11)] public double WonValue;
    [Id(12)] public int NpsPromoters;
    [Id(13)] public int NpsDetractors;
    [Id(14)] public int NpsResponses;
    [Id(15)] public double SalesCycleDaysSum;
    [Id(16)] public int SalesCycleCount;
    [Id(17)] public long LateEvents;
    [Id(18)] public int OpenLeads;
    [Id(19)] public int OpenOpportunities;
    [Id(20)] public double OpenPipeline;
    [Id(21)] public int ChurnedAccounts;

    public readonly double NetProfit => Revenue - Cost;

    public readonly double ExistingCustomerRevenue => Revenue - NewCustomerRevenue;

    /// <summary>Adds <paramref name="other"/> times <paramref name="sign"/> (+1 to add, -1 to remove).</summary>
    public void Add(in ActivityTotals other, int sign)
    {
        Events += sign * other.Events;
        Leads += sign * other.Leads;
        Opportunities += sign * other.Opportunities;
        Wins += sign * other.Wins;
        Losses += sign * other.Losses;
        NewAccounts += sign * other.NewAccounts;
        Conversations += sign * other.Conversations;
        Touches += sign * other.Touches;
        Revenue += sign * other.Revenue;
        NewCustomerRevenue += sign * other.NewCustomerRevenue;
        Cost += sign * other.Cost;
        WonValue += sign * other.WonValue;
        NpsPromoters += sign * other.NpsPromoters;
        NpsDetractors += sign * other.NpsDetractors;
        NpsResponses += sign * other.NpsResponses;
        SalesCycleDaysSum += sign * other.SalesCycleDaysSum;
        SalesCycleCount += sign * other.SalesCycleCount;
        LateEvents += sign * other.LateEvents;
        OpenLeads += sign * other.OpenLeads;
        OpenOpportunities += sign * other.OpenOpportunities;
        OpenPipeline += sign * other.OpenPipeline;
        ChurnedAccounts += sign * other.ChurnedAccounts;
    }
}
