using TerritoryGrid.Domain;
using TerritoryGrid.Contracts.Activity;
using TerritoryGrid.Contracts.Rollups;
using TerritoryGrid.Domain.Accounts;
using TerritoryGrid.Domain.Pipeline;

namespace TerritoryGrid.Grains.Accounts;

/// <summary>
/// Applies activity to an account's state: duplicate detection, lateness, the funnel (leads, opportunities, wins),
/// revenue and cost, touches for the call plan. Plain C# so it is tested without a cluster.
/// </summary>
internal sealed class AccountLedger(AccountState state, MetricsOptions options)
{
    /// <summary>The reps whose totals changed since the last <see cref="TakeChangedReps"/>.</summary>
    private readonly HashSet<string> changedReps = new(StringComparer.Ordinal);

    public AccountState State => state;

    /// <summary>Whether an event since the last publish was credited to a former assignment (its targets must hear of it).</summary>
    public bool FormerChanged { get; set; }

    public string[] TakeChangedReps()
    {
        var reps = changedReps.ToArray();
        changedReps.Clear();
        return reps;
    }

    public (ApplyOutcome Outcome, string? Reason) Apply(ActivityEvent e)
    {
        var day = EventDay.Of(e.OccurredAt);
        if (day <= state.ForgottenThroughDay)
        {
            return (ApplyOutcome.Invalid,
                $"occurredAt {e.OccurredAt:O} is more than {options.DuplicateHorizonDays} days before this account's latest event, {RefusalReasons.OutsideDuplicateHorizon}");
        }

        if (e.OccurredAt.UtcTicks <= state.ForgottenThroughTicks)
        {
            return (ApplyOutcome.Invalid,
                $"occurredAt {e.OccurredAt:O} is not after {new DateTimeOffset(state.ForgottenThroughTicks, TimeSpan.Zero):O}, the latest event time this account has forgotten ids of (it remembers at most {options.MaxRememberedEventIds} event ids), {RefusalReasons.OutsideDuplicateHorizon}");
        }

        var idHash = StableHash.Of(e.Id);
        var payloadHash = StableHash.OfPayload(e);
        if (state.SeenEvents.TryGetValue(idHash, out var seen))
        {
            return seen.PayloadHash == payloadHash
                ? (ApplyOutcome.Duplicate, null)
                : (ApplyOutcome.Conflict, $"event id '{e.Id}' was already accepted with a different payload");
        }

        if (e.Kind.IsCorrection())
        {
            return AcceptCorrection(e, idHash, payloadHash, day);
        }

        if (state.Corrections is { } corrections && corrections.ByTarget.TryGetValue(idHash, out var corrected))
        {
            // Replaying the log after a correction: a void event is remembered (a retry is still a duplicate) and
            // counts nothing; an amended one counts as amended.
            if (corrected is null)
            {
                state.SeenEvents[idHash] = new SeenEvent(payloadHash, day, e.OccurredAt.UtcTicks);
                return (ApplyOutcome.Accepted, null);
            }

            e = corrected;
        }

        var refusal = ApplyFunnel(e);
        if (refusal is not null)
        {
            return (ApplyOutcome.Invalid, refusal);
        }

        state.SeenEvents[idHash] = new SeenEvent(payloadHash, day, e.OccurredAt.UtcTicks);
        var late = state.Watermark is { } watermark && e.OccurredAt < watermark.AddDays(-options.LatenessDays);
        Count(e, day, late);
        if (state.Watermark is null || e.OccurredAt > state.Watermark)
        {
            state.Watermark = e.OccurredAt;
        }

        return late ? (ApplyOutcome.AcceptedLate, "older than the allowed lateness: counted in totals, not in the rolling windows") : (ApplyOutcome.Accepted, null);
    }

    /// <summary>
    /// Where corrections find the events they name; null when the account cannot read its activity log (none is kept,
    /// or it is replaying the log, when only corrections already accepted apply).
    /// </summary>
    public CorrectionTargets? CorrectionTargets { get; set; }

    /// <summary>The earliest event time a correction accepted since the last call changed; the account must then be recomputed from its log.</summary>
    public DateTimeOffset? TakeCorrectedFrom()
    {
        var from = correctedFrom;
        correctedFrom = null;
        return from;
    }

    private DateTimeOffset? correctedFrom;

    private (ApplyOutcome Outcome, string? Reason) AcceptCorrection(ActivityEvent correction, ulong idHash, ulong payloadHash, int day)
    {
        if (state.Corrections?.Accepted.Contains(idHash) == true)
        {
            state.SeenEvents[idHash] = new SeenEvent(payloadHash, day, correction.OccurredAt.UtcTicks);
            return (ApplyOutcome.Accepted, null);
        }

        if (CorrectionTargets is not { } targets)
        {
            return (ApplyOutcome.Invalid, CorrectionRefusals.NoActivityLog);
        }

        var reference = correction.ReferenceId!;
        var targetHash = StableHash.Of(reference);
        ActivityEvent? earlier = null;
        var refusal = !state.SeenEvents.TryGetValue(targetHash, out var target) ? CorrectionRefusals.NotAccepted(reference, options.DuplicateHorizonDays)
            : state.Corrections?.Accepted.Contains(targetHash) == true ? CorrectionRefusals.IsACorrection(reference)
            : state.Corrections?.ByTarget.TryGetValue(targetHash, out earlier) == true && earlier is null ? CorrectionRefusals.AlreadyVoid(reference)
            : null;
        if (refusal is not null)
        {
            return (ApplyOutcome.Invalid, refusal);
        }

        if (targets.Find(reference, target.PayloadHash) is not { } original)
        {
            return (ApplyOutcome.Invalid, CorrectionRefusals.NotInLog(reference));
        }

        var current = earlier ?? original;
        if (correction.Kind == ActivityKind.Amendment && correction.Score is not null && current.Kind != ActivityKind.NpsAnswer)
        {
            return (ApplyOutcome.Invalid, CorrectionRefusals.ScoreOnlyForNps(reference, current.Kind));
        }

        var corrections = state.Corrections ??= new CorrectionBook();
        corrections.ByTarget[targetHash] = correction.Kind == ActivityKind.Void ? null : Amended(current, correction);
        corrections.Accepted.Add(idHash);
        state.SeenEvents[idHash] = new SeenEvent(payloadHash, day, correction.OccurredAt.UtcTicks);
        correctedFrom = correctedFrom is { } from && from < original.OccurredAt ? from : original.OccurredAt;
        return (ApplyOutcome.Accepted, null);
    }

    /// <summary>What an amendment states replaces the event's figures; its rep, product and score only where it gives them.</summary>
    private static ActivityEvent Amended(ActivityEvent current, ActivityEvent amendment) => current with
    {
        Amount = amendment.Amount,
        Cost = amendment.Cost,
        DurationMinutes = amendment.DurationMinutes,
        TravelMinutes = amendment.TravelMinutes,
        RepId = amendment.RepId ?? current.RepId,
        Product = amendment.Product ?? current.Product,
        Score = amendment.Score ?? current.Score,
    };

    /// <summary>Forgets what the windows and duplicate horizon no longer need.</summary>
    public void Trim()
    {
        if (state.Watermark is not { } watermark)
        {
            return;
        }

        var today = EventDay.Of(watermark);
        var oldestTouchDay = today - options.RetainedDays;
        state.TouchesByDay.RemoveBefore(oldestTouchDay);
        state.TotalsByDay.RemoveBefore(oldestTouchDay);

        var retainedFrom = EventDay.Start(oldestTouchDay);
        foreach (var (id, lead) in state.Leads)
        {
            if (lead.ClosedAt < retainedFrom)
            {
                state.Leads.Remove(id);
            }
        }

        foreach (var (id, opportunity) in state.Opportunities)
        {
            if (opportunity.ClosedAt < retainedFrom)
            {
                state.Opportunities.Remove(id);
            }
        }

        var forgetThrough = today - options.DuplicateHorizonDays;
        if (forgetThrough > state.ForgottenThroughDay)
        {
            state.ForgottenThroughDay = forgetThrough;
            foreach (var (id, seen) in state.SeenEvents)
            {
                if (seen.Day <= forgetThrough)
                {
                    state.SeenEvents.Remove(id);
                }
            }
        }

        ForgetOldestOverTheCap();
    }

    /// <summary>
    /// Over <see cref="MetricsOptions.MaxRememberedEventIds"/>, forgets the oldest events by event time (not whole days:
    /// a busy account can pass the cap within its current day) down to seven eighths of the cap, so that a busy account
    /// sorts its ids once per eighth of the cap rather than after every batch; events at or before the newest instant
    /// forgotten are refused from then on.
    /// </summary>
    private void ForgetOldestOverTheCap()
    {
        var cap = options.MaxRememberedEventIds;
        if (state.SeenEvents.Count <= cap)
        {
            return;
        }

        var keep = cap - (cap / 8);
        var times = new long[state.SeenEvents.Count];
        var i = 0;
        foreach (var seen in state.SeenEvents.Values)
        {
            times[i++] = seen.At;
        }

        Array.Sort(times);
        var forgetThrough = times[times.Length - keep - 1];
        state.ForgottenThroughTicks = Math.Max(state.ForgottenThroughTicks, forgetThrough);
        foreach (var (id, seen) in state.SeenEvents)
        {
            if (seen.At <= state.ForgottenThroughTicks)
            {
                state.SeenEvents.Remove(id);
            }
        }
    }

    private string? ApplyFunnel(ActivityEvent e)
    {
        var reference = e.ReferenceId ?? e.Id;
        switch (e.Kind)
        {
            case ActivityKind.LeadCreated when state.Leads.ContainsKey(reference):
                return $"lead '{reference}' already exists";
            case ActivityKind.LeadCreated:
                state.Leads[reference] = new LeadRecord
                {
                    CreatedAt = e.OccurredAt,
                    RepId = e.RepId,
                    FirstTouchAt = state.LastContactAt >= e.OccurredAt ? state.LastContactAt : null,
                };
                if (state.Stage is FunnelStage.Prospect)
                {
                    state.Stage = FunnelStage.Lead;
                }

                return null;
            case ActivityKind.LeadDisqualified when !state.Leads.TryGetValue(reference, out var open) || !open.IsOpen:
                return $"lead '{reference}' is not open";
            case ActivityKind.LeadDisqualified:
                state.Leads[reference].ClosedAt = e.OccurredAt;
                return null;
            case ActivityKind.LeadQualified when state.Opportunities.TryGetValue(reference, out var existing):
                return existing.IsOpen ? $"opportunity '{reference}' is already open" : $"opportunity '{reference}' is already closed";
            case ActivityKind.LeadQualified when state.ClosedOpportunities.Contains(StableHash.Of(reference)):
                return $"opportunity '{reference}' is already closed";
            case ActivityKind.LeadQualified:
                if (state.Leads.TryGetValue(reference, out var lead) && lead.IsOpen)
                {
                    lead.ClosedAt = e.OccurredAt;
                }

                state.Opportunities[reference] = new OpportunityRecord { CreatedAt = e.OccurredAt, RepId = e.RepId, Amount = e.Amount };
                if (state.Stage is FunnelStage.Prospect or FunnelStage.Lead)
                {
                    state.Stage = FunnelStage.Opportunity;
                }

                return null;
            case ActivityKind.OpportunityWon or ActivityKind.OpportunityLost
                when !state.ClosedOpportunities.Add(StableHash.Of(reference)):
                return $"opportunity '{reference}' is already closed";
            case ActivityKind.OpportunityWon or ActivityKind.OpportunityLost:
                CloseOpportunity(e, reference);
                return null;
            default:
                return null;
        }
    }

    private void CloseOpportunity(ActivityEvent e, string reference)
    {
        if (!state.Opportunities.TryGetValue(reference, out var opportunity) || !opportunity.IsOpen)
        {
            opportunity = null;
        }
        else
        {
            opportunity.ClosedAt = e.OccurredAt;
        }

        if (opportunity is not null && e.Kind == ActivityKind.OpportunityWon)
        {
            var days = Math.Max(0, (e.OccurredAt - opportunity.CreatedAt).TotalDays);
            Both(e.RepId ?? opportunity.RepId, static (ref ActivityTotals t, ActivityEvent _, double cycleDays) =>
            {
                t.SalesCycleDaysSum += cycleDays;
                t.SalesCycleCount++;
            }, e, days);
        }

        if (e.Kind == ActivityKind.OpportunityWon && state.Stage is not FunnelStage.Customer)
        {
            state.Stage = FunnelStage.Customer;
            if (!state.IsNewCustomer)
            {
                state.IsNewCustomer = true;
                Both(e.RepId, static (ref ActivityTotals t, ActivityEvent _, double _) => t.NewAccounts++, e);
            }
        }
    }

    private void Count(ActivityEvent e, int day, bool late)
    {
        Both(e.RepId, static (ref ActivityTotals t, ActivityEvent _, double lateness) =>
        {
            t.Events++;
            t.LateEvents += (long)lateness;
        }, e, late ? 1 : 0);

        if (e.Kind.TouchChannel() is { } channel)
        {
            CountTouch(e, day, late, channel);
            return;
        }

        switch (e.Kind)
        {
            case ActivityKind.LeadCreated:
                Both(e.RepId, static (ref ActivityTotals t, ActivityEvent _, double _) => t.Leads++, e);
                break;
            case ActivityKind.LeadQualified:
                Both(e.RepId, static (ref ActivityTotals t, ActivityEvent _, double _) => t.Opportunities++, e);
                break;
            case ActivityKind.OpportunityWon:
                Both(e.RepId, static (ref ActivityTotals t, ActivityEvent won, double _) =>
                {
                    t.Wins++;
                    t.WonValue += won.Amount;
                }, e);
                MonthlyMoneyLedger.Record(state, e.RepId, e.OccurredAt, wonValue: e.Amount, revenue: 0);
                break;
            case ActivityKind.OpportunityLost:
                Both(e.RepId, static (ref ActivityTotals t, ActivityEvent _, double _) => t.Losses++, e);
                break;
            case ActivityKind.Order:
                CountOrder(e);
                break;
            case ActivityKind.Cost:
                Both(e.RepId, static (ref ActivityTotals t, ActivityEvent cost, double _) => t.Cost += cost.Amount, e);
                break;
            case ActivityKind.NpsAnswer:
                Both(e.RepId, static (ref ActivityTotals t, ActivityEvent answer, double _) =>
                {
                    var score = answer.Score ?? 0;
                    t.NpsResponses++;
                    t.NpsPromoters += NetPromoterScore.IsPromoter(score) ? 1 : 0;
                    t.NpsDetractors += NetPromoterScore.IsDetractor(score) ? 1 : 0;
                }, e);
                break;
            case ActivityKind.AccountChurned:
                state.Stage = FunnelStage.Churned;
                state.Totals.ChurnedAccounts = 1;
                state.ChurnedAt = state.ChurnedAt is { } earlier && earlier < e.OccurredAt ? earlier : e.OccurredAt;
                break;
        }
    }

    private void CountTouch(ActivityEvent e, int day, bool late, Domain.Activity.Channel channel)
    {
        Both(e.RepId, static (ref ActivityTotals t, ActivityEvent touch, double _) =>
        {
            t.Touches++;
            t.Conversations += touch.Kind.IsConversation() ? 1 : 0;
        }, e);

        var pattern = options.CallPatterns.For(state.Setup?.Segment ?? Segment.C);
        if (!late && pattern.IsSatisfiedBy(channel))
        {
            state.TouchesByDay.GetOrAdd(day)++;
        }

        if (state.LastContactAt is null || e.OccurredAt > state.LastContactAt)
        {
            state.LastContactAt = e.OccurredAt;
        }

        foreach (var lead in state.Leads.Values)
        {
            if (lead.CreatedAt <= e.OccurredAt && (lead.FirstTouchAt is null || e.OccurredAt < lead.FirstTouchAt))
            {
                lead.FirstTouchAt = e.OccurredAt;
            }
        }
    }

    private void CountOrder(ActivityEvent e)
    {
        Both(e.RepId, static (ref ActivityTotals t, ActivityEvent order, double newCustomer) =>
        {
            t.Revenue += order.Amount;
            t.Cost += order.Cost;
            t.NewCustomerRevenue += newCustomer * order.Amount;
        }, e, state.IsNewCustomer ? 1 : 0);
        MonthlyMoneyLedger.Record(state, e.RepId, e.OccurredAt, wonValue: 0, revenue: e.Amount);
        var product = string.IsNullOrEmpty(e.Product) ? Contracts.Products.Unspecified : e.Product;
        state.RevenueByProduct[product] = state.RevenueByProduct.GetValueOrDefault(product) + e.Amount;
        if (state.FormerAssignmentAt(e.OccurredAt) is { } former)
        {
            former.RevenueByProduct[product] = former.RevenueByProduct.GetValueOrDefault(product) + e.Amount;
        }

        if (state.PendingSwitch is { } pending && e.OccurredAt >= pending.EffectiveAt)
        {
            pending.RevenueByProductAfter[product] = pending.RevenueByProductAfter.GetValueOrDefault(product) + e.Amount;
        }
    }

    private delegate void TotalsChange(ref ActivityTotals totals, ActivityEvent e, double value);

    /// <summary>
    /// Counts a change once for the account and once for the rep who did it (an activity counts for both). Changes
    /// are static lambdas given the event and a value, so the per-event path allocates no closures.
    /// </summary>
    private void Both(string? repId, TotalsChange change, ActivityEvent e, double value = 0)
    {
        change(ref state.Totals, e, value);
        var day = EventDay.Of(e.OccurredAt);
        change(ref state.TotalsByDay.GetOrAdd(day), e, value);

        if (state.FormerAssignmentAt(e.OccurredAt) is { } former)
        {
            change(ref former.Credited, e, value);
            FormerChanged = true;
        }

        if (state.PendingSwitch is { } pending && e.OccurredAt >= pending.EffectiveAt)
        {
            change(ref pending.After, e, value);
        }

        if (repId is null)
        {
            return;
        }

        ref var repTotals = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(state.ByRep, repId, out _);
        change(ref repTotals, e, value);
        changedReps.Add(repId);
    }
}
