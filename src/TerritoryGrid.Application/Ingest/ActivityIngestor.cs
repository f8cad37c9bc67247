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

        var byAccount = new Dictionary<string, List<IndexedEvent>>(StringComparer.Ordinal);
        foreach (var item in batch.Valid)
        {
            if (!byAccount.TryGetValue(item.Event.AccountId, out var list))
            {
                list = new List<IndexedEvent>(1);
                byAccount[item.Event.AccountId] = list;
            }

            list.Add(item);
        }

        var groups = new List<IndexedEvent>[byAccount.Count];
        var records = new AccountEvents[byAccount.Count];
        var n = 0;
        foreach (var (accountId, items) in byAccount)
        {
            groups[n] = items;
            records[n++] = new AccountEvents(accountId, [.. items.Select(i => i.Event)]);
        }

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

    private static IngestResult Summarise(
        string workspace, int generation, ParsedBatch batch, List<IndexedEvent>[] groups, AccountBatchResult[] results,
        List<ActivityEvent> applied, ApplyOutcome?[]? outcomes)
    {
        int accepted = 0, late = 0, duplicates = 0;
        var rejected = new List<RejectedEvent>(batch.Rejected);
        for (var g = 0; g < groups.Length; g++)
        {
            var result = results[g];
            for (var i = 0; i < groups[g].Count; i++)
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
