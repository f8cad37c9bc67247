using System.Text.Json;
using System.Threading.Channels;
using TerritoryGrid.Application;
using TerritoryGrid.Application.Companies;
using TerritoryGrid.Application.Progress;
using TerritoryGrid.Contracts.Grains;
using TerritoryGrid.Contracts.Plans;
using TerritoryGrid.Planning.Plans;
using TerritoryGrid.Simulator.Running;
using TerritoryGrid.Simulator.Scenarios;
using TerritoryGrid.Simulator.Stress;

namespace TerritoryGrid.Server.Plans;

/// <summary>
/// Runs plan stress tests on this server's own cluster, one at a time (so live monitoring keeps its share of the
/// machine), each alignment in a sandbox workspace of its own; a bounded queue, never an unbounded one.
/// </summary>
internal sealed partial class StressTestService(IServiceProvider services, IGrainFactory grains, ILogger<StressTestService> logger) : BackgroundService
{
    public const int QueueLength = 4;

    private readonly Channel<(string Workspace, StressTestRecord Record, Scenario Scenario, (string, PlanDocument)[] Plans)> queue =
        Channel.CreateBounded<(string, StressTestRecord, Scenario, (string, PlanDocument)[])>(QueueLength);

    /// <summary>Queues a test; false when the queue is full.</summary>
    public bool TryQueue(string workspace, StressTestRecord record, Scenario scenario, (string, PlanDocument)[] plans) =>
        queue.Writer.TryWrite((workspace, record, scenario, plans));

    /// <summary>The sandbox an alignment of a test runs in: "{workspace}-{test}-{n}" (n = 0 for today's alignment).</summary>
    public static string SandboxOf(string workspace, string testId, int index) => $"{workspace}-{testId}-{index}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var (workspace, record, scenario, plans) in queue.Reader.ReadAllAsync(stoppingToken))
        {
            var book = grains.GetGrain<IStressTestBookGrain>(workspace);
            var progress = new ProgressRecord<StressTestRecord>(book.Update, record with { Status = StressTestRecord.Running });
            try
            {
                await book.Update(progress.Current);
                var rules = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<PlanningOptions>>().Value;
                var test = new StressTest(line => progress.Report(r => r with { Progress = line.Trim() }), (index, _) => Task.FromResult<ISimulationTarget>(
                    new InProcessTarget(services, SandboxOf(workspace, record.Id, index))),
                    rules.StressTestEventsPerSecond > 0 ? rules.StressTestEventsPerSecond : null);
                var result = await test.RunAsync(scenario, plans, rules, stoppingToken);
                await progress.FinishAsync(r => r with
                {
                    Status = StressTestRecord.Done,
                    Progress = null,
                    FinishedAt = DateTimeOffset.UtcNow,
                    FiguresJson = JsonSerializer.Serialize(result.Variants.Select(v => v.Figures), TerritoryGridJson.Options),
                    ComparisonCsv = ComparisonReport.Csv(result),
                    ComparisonHtml = ComparisonReport.Html(result, StylesheetHref),
                });
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                LogFailed(logger, record.Id, workspace, error);
                await progress.FinishAsync(r => r with { Status = StressTestRecord.Failed, FinishedAt = DateTimeOffset.UtcNow, Error = error.Message });
            }
        }
    }

    /// <summary>Served reports follow the dashboard's Content-Security-Policy: no inline style, the dashboard's sheet.</summary>
    public const string StylesheetHref = "/css/stress-report.css";

    [LoggerMessage(Level = LogLevel.Error, Message = "Stress test {Test} of workspace {Workspace} failed")]
    private static partial void LogFailed(ILogger logger, string test, string workspace, Exception error);
}
