using Microsoft.Extensions.Options;
using TerritoryGrid.Contracts.Activity;
using TerritoryGrid.Contracts.Grains;

namespace TerritoryGrid.Application.Ingest;

/// <summary>
/// Applies a batch of events: groups them by account and makes one grain call per account, so the number of grain
/// calls per event stays at or below one; roll-ups to reps and territories are coalesced inside the silos.
/// </summary>
public sealed class ActivityIngestor(
    IActivityLog log, WorkspaceCache workspaces, IOptions<IngestOptions> options, TimeProvider clock,
    IngestTelemetry telemetry, Commercial.CommercialTermsCache terms, AccountReferences accounts)
{
    public IngestOptions Options => options.Value;

    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>Checks and applies typed events (the Orleans-client path; HTTP parses first, then calls <see cref="ApplyAsync"/>).</summary>
    /// <remarks><paramref name="outcomes"/>, when given, receives each applied event's outcome at its index (a history import reports them per file).</remarks>
    public Task<IngestResult> IngestAsync(string workspace, IReadOnlyList<ActivityEvent> events, ApplyOutcome?[]? outcomes = null)
    {
        var now = Now;
        var valid = new List<IndexedEvent>(events.Count);
        var rejected = new List<RejectedEvent>();
        for (var i = 0; i < events.Count; i++)
        {
            if (ActivityEventRules.Check(events[i], now, options.Value) is { } reason)
            {
                rejected.Add(new RejectedEvent(i, events[i].Id, reason));
            }
            else
            {
                valid.Add(new IndexedEvent(i, events[i]));
            }
        }

        return ApplyAsync(workspace, new ParsedBatch(valid, rejected, events.Count), outcomes);
    }

    public async Task<IngestResult> ApplyAsync(string workspace, ParsedBatch batch, ApplyOutcome?[]? outcomes = null)
    {
        var info = await workspaces.GetAsync(workspace);
        if (!info.HasCompany)
        {
            throw new WorkspaceNotReadyException(workspace);
        }

        batch = Commercial.CatalogueCheck.Apply(batch, (await terms.GetAsync(workspace)).Catalogue, options.Value.MaxAmount);

        var (groups, records) = GroupByAccount(batch.Valid);

        // One commit for the whole batch before any grain applies it: once the response says accepted, the events
        // are in the log, and an account that loses its in-memory state replays them.
        var sequences = await log.AppendAsync(workspace, info.Generation, records);
        var calls = new Task<AccountBatchResult>[records.Length];
        for (var i = 0; i < records.Length; i++)
        {
            calls[i] = accounts.Get(workspace, info.Generation, records[i].AccountId).Apply(records[i].Events, sequences[i]);
        }

        var results = await Task.WhenAll(calls);
        var applied = new List<ActivityEvent>(batch.Valid.Count);
        var result = Summarise(workspace, info.Generation, batch, groups, results, applied, outcomes);
        telemetry.Record(workspace, result, applied, clock.GetUtcNow());
        return result;
    }

    /// <summary>
    /// The batch's events by account, in the order each account first appears, each account's in posted order. Written
    /// for the common case of a live batch, one event per account: arrays of the exact size, no list per account.
    /// </summary>
    private static (IndexedEvent[][] Groups, AccountEvents[] Records) GroupByAccount(IReadOnlyList<IndexedEvent> valid)
    {
        var groupOf = new Dictionary<string, int>(valid.Count, StringComparer.Ordinal);
        var groupOfEvent = new int[valid.Count];
        var sizes = new int[valid.Count];
        for (var i = 0; i < valid.Count; i++)
        {
            var accountId = valid[i].Event.AccountId;
            if (!groupOf.TryGetValue(accountId, out var group))
            {
                group = groupOf.Count;
                groupOf.Add(accountId, group);
            }

            groupOfEvent[i] = group;
            sizes[group]++;
        }

        var groups = new IndexedEvent[groupOf.Count][];
        var events = new ActivityEvent[groupOf.Count][];
        for (var g = 0; g < groups.Length; g++)
        {
            groups[g] = new IndexedEvent[sizes[g]];
            events[g] = new ActivityEvent[sizes[g]];
            sizes[g] = 0;
        }

        for (var i = 0; i < valid.Count; i++)
        {
            var g = groupOfEvent[i];
            groups[g][sizes[g]] = valid[i];
            events[g][sizes[g]++] = valid[i].Event;
        }

        var records = new AccountEvents[groups.Length];
        for (var g = 0; g < groups.Length; g++)
        {
            records[g] = new AccountEvents(events[g][0].AccountId, events[g]);
        }

        return (groups, records);
    }

    private static IngestResult Summarise(
        string workspace, int generation, ParsedBatch batch, IndexedEvent[][] groups, AccountBatchResult[] results,
        List<ActivityEvent> applied, ApplyOutcome?[]? outcomes)
    {
        int accepted = 0, late = 0, duplicates = 0;
        var rejected = new List<RejectedEvent>(batch.Rejected);
        for (var g = 0; g < groups.Length; g++)
        {
            var result = results[g];
            for (var i = 0; i < groups[g].Length; i++)
            {
                var item = groups[g][i];
                outcomes?[item.Index] = result.Outcomes[i];
                switch (result.Outcomes[i])
                {
                    case ApplyOutcome.Accepted:
                        accepted++;
                        applied.Add(item.Event);
                        break;
                    case ApplyOutcome.AcceptedLate:
                        accepted++;
                        late++;
                        applied.Add(item.Event);
                        break;
                    case ApplyOutcome.Duplicate:
                        duplicates++;
                        break;
                    case ApplyOutcome.UnknownAccount:
                        rejected.Add(new RejectedEvent(item.Index, item.Event.Id, $"unknown account '{item.Event.AccountId}' in workspace '{workspace}'"));
                        break;
                    default:
                        rejected.Add(new RejectedEvent(item.Index, item.Event.Id,
                            (result.Outcomes[i] == ApplyOutcome.Conflict ? "conflict: " : "") + (result.Reasons?[i] ?? "refused")));
                        break;
                }
            }
        }

        rejected.Sort((a, b) => a.Index.CompareTo(b.Index));
        return new IngestResult(workspace, generation, accepted, late, duplicates, rejected);
    }
}
