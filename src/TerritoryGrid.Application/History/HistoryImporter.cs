using System.Text.Json;
using TerritoryGrid.Application.Companies.Csv;
using TerritoryGrid.Application.Ingest;
using TerritoryGrid.Contracts.Activity;
using TerritoryGrid.Contracts.Grains;
using TerritoryGrid.Domain.Company;

namespace TerritoryGrid.Application.History;

/// <summary>
/// Loads activity history from CRM exports: every usable row becomes events with stable ids, all files' events are
/// posted together in event-time order through the ingestor (logged, deduplicated and refused like any posted event),
/// and each file is answered with what became of its rows and events.
/// </summary>
/// <remarks>
/// The files of one import are merged into one time order because an account refuses events more than the duplicate
/// horizon before its latest one: posting a year of orders after the opportunities that closed last month would lose
/// most of them.
/// </remarks>
public sealed class HistoryImporter(IGrainFactory grains, ActivityIngestor ingestor)
{
    public async Task<HistoryImportResult> ImportAsync(
        string workspace, CsvLayout layout, IReadOnlyList<(HistoryFileKind Kind, CsvTable Table)> files, CancellationToken cancellationToken = default)
    {
        var workspaceGrain = grains.GetGrain<IWorkspaceGrain>(workspace);
        var info = await workspaceGrain.GetInfo();
        var definition = info.HasCompany ? await workspaceGrain.GetDefinition() : null;
        if (definition is null)
        {
            throw new WorkspaceNotReadyException(workspace);
        }

        var company = CompanyDirectory.Of(JsonSerializer.Deserialize<CompanyDefinition>(definition, TerritoryGridJson.Options)!);
        var history = layout.History!;
        var tallies = new List<HistoryFileTally>(files.Count);
        var derived = new List<DerivedEvent>();
        for (var f = 0; f < files.Count; f++)
        {
            var (kind, table) = files[f];
            var tally = new HistoryFileTally(table.File, kind);
            tallies.Add(tally);
            Derive(f, kind, table, history.For(kind)!, history.DateFormatsFor(kind), company, tally, derived);
        }

        derived.Sort(EventTimeOrder);
        var generation = await PostAsync(workspace, info.Generation, derived, tallies, cancellationToken);
        return new HistoryImportResult(workspace, generation, [.. tallies.Select(t => t.ToReport())], Notes(tallies, layout));
    }

    private static void Derive(
        int fileIndex, HistoryFileKind kind, CsvTable table, HistoryFileLayout fileLayout, string[] dateFormats, CompanyDirectory company,
        HistoryFileTally tally, List<DerivedEvent> derived)
    {
        var missing = HistoryFields.Required(kind)
            .Select(field => (field, column: fileLayout.Columns[field]))
            .Where(c => !table.Header.Contains(c.column, StringComparer.OrdinalIgnoreCase))
            .Select(c => new RowIssue(1, c.column, null,
                $"column '{c.column}' (field {c.field}) is missing, so no row of this file is read; the header has: {CsvCompanyReader.Quoted(string.Join(", ", table.Header), 300)}"))
            .ToList();
        if (missing.Count > 0)
        {
            tally.RejectFile(table.Rows.Count, missing);
            return;
        }

        var mapper = IHistoryRowMapper.For(kind);
        var firstLineOfId = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var csvRow in table.Rows)
        {
            var row = new HistoryRow(csvRow, fileLayout, dateFormats, company);
            if (row.IsBlank)
            {
                continue;
            }

            tally.Read();
            if (row.Text("id") is { } id && !firstLineOfId.TryAdd(id, row.Line))
            {
                // Its events would carry the same ids as the first row's: one would silently win.
                row.Reject("id", $"'{CsvCompanyReader.Quoted(id)}' is also the id on line {firstLineOfId[id]}; ids must be unique within a file (for order lines, map the line's id)");
                tally.RejectRow(row.Problems);
                continue;
            }

            var events = mapper.Derive(row, fileLayout);
            if (row.Problems.Count > 0)
            {
                tally.RejectRow(row.Problems);
                continue;
            }

            tally.Derived(events.Count);
            foreach (var e in events)
            {
                derived.Add(new DerivedEvent(fileIndex, row.Line, e));
            }
        }
    }

    /// <summary>Event time; at the same time the funnel's order (lead before qualification before outcome), then file and line.</summary>
    private static int EventTimeOrder(DerivedEvent a, DerivedEvent b)
    {
        var byTime = a.Event.OccurredAt.CompareTo(b.Event.OccurredAt);
        if (byTime != 0)
        {
            return byTime;
        }

        var byKind = FunnelOrder(a.Event.Kind).CompareTo(FunnelOrder(b.Event.Kind));
        return byKind != 0 ? byKind : a.File != b.File ? a.File.CompareTo(b.File) : a.Line.CompareTo(b.Line);
    }

    private static int FunnelOrder(ActivityKind kind) => kind switch
    {
        ActivityKind.LeadCreated => 0,
        ActivityKind.LeadQualified => 1,
        ActivityKind.LeadDisqualified => 2,
        ActivityKind.OpportunityWon or ActivityKind.OpportunityLost => 3,
        _ => 4,
    };

    /// <summary>Posts in batches of the ingest's largest size, one after another so each account sees its events in time order.</summary>
    private async Task<int> PostAsync(
        string workspace, int generation, List<DerivedEvent> derived, List<HistoryFileTally> tallies, CancellationToken cancellationToken)
    {
        var batchSize = Math.Max(1, ingestor.Options.MaxBatchSize);
        for (var start = 0; start < derived.Count; start += batchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var count = Math.Min(batchSize, derived.Count - start);
            var batch = new ActivityEvent[count];
            for (var i = 0; i < count; i++)
            {
                batch[i] = derived[start + i].Event;
            }

            var outcomes = new ApplyOutcome?[count];
            var result = await ingestor.IngestAsync(workspace, batch, outcomes);
            generation = result.Generation;
            foreach (var refused in result.Rejected)
            {
                var source = derived[start + refused.Index];
                var tally = tallies[source.File];
                if (HistoryRefusal.IsOlderThanDuplicateHorizon(refused.Reason))
                {
                    tally.OlderThanHorizon();
                }
                else
                {
                    var (issue, notice) = HistoryRefusal.Explain(source, refused.Reason);
                    tally.NotApplied(issue, notice);
                }
            }

            for (var i = 0; i < count; i++)
            {
                if (outcomes[i] is { } outcome)
                {
                    tallies[derived[start + i].File].Applied(outcome);
                }
            }
        }

        return generation;
    }

    private static List<string> Notes(List<HistoryFileTally> tallies, CsvLayout layout)
    {
        var notes = new List<string>();
        if (tallies.Sum(t => t.OlderThanHorizonCount) is > 0 and var old)
        {
            notes.Add($"{old} events were refused as older than the duplicate horizon (Metrics:DuplicateHorizonDays before their account's latest event). " +
                "When this history was imported before, they are already loaded and counted once; otherwise they are too old to load now that the account has newer activity " +
                "(load history before live activity, oldest first). Nothing is counted twice either way.");
        }

        if (tallies.Any(t => t.ToReport().Notices.Count > 0))
        {
            notes.Add($"Notices are rows of a snapshot that differ from what an earlier import loaded; an import only adds events (layout '{layout.Name}').");
        }

        return notes;
    }
}
