using Microsoft.Extensions.Options;
using TerritoryGrid.Application.Companies;
using TerritoryGrid.Application.Ingest;
using TerritoryGrid.Contracts.Grains;
using TerritoryGrid.Domain;
using TerritoryGrid.Synthetic.Companies;
using TerritoryGrid.Synthetic.History;

namespace TerritoryGrid.Server.Demo;

/// <summary>
/// Seeds an empty live workspace with a generated company and its recent activity, through the same loader and
/// ingest path as real data, so there is something real to look at immediately.
/// </summary>
internal sealed partial class DemoCompanySeeder(
    IOptions<DemoCompanyOptions> options,
    IOptions<MetricsOptions> metrics,
    IHostEnvironment environment,
    IHostApplicationLifetime lifetime,
    IGrainFactory grains,
    CompanyLoader loader,
    ActivityIngestor ingestor,
    TimeProvider clock,
    ILogger<DemoCompanySeeder> logger) : IHostedService
{
    private const int BatchSize = 5_000;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Enabled ?? environment.IsDevelopment())
        {
            lifetime.ApplicationStarted.Register(() => _ = SeedAsync(lifetime.ApplicationStopping));
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task SeedAsync(CancellationToken cancellationToken)
    {
        try
        {
            if ((await grains.GetGrain<IWorkspaceGrain>(WorkspaceName.Live).GetInfo()).HasCompany)
            {
                return;
            }

            var demo = options.Value;
            var now = clock.GetUtcNow();
            var planStart = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero).AddDays(-demo.HistoryDays);
            var company = CompanyGenerator.Generate(new CompanySpec
            {
                Seed = demo.Seed, TerritoryCount = demo.Territories, RepCount = demo.Reps, AccountCount = demo.Accounts, PlanStart = planStart,
            }, metrics.Value);
            var loaded = await loader.LoadAsync(WorkspaceName.Live, company, cancellationToken);
            if (!loaded.Succeeded)
            {
                LogInvalid(logger, string.Join("; ", loaded.Errors.Take(5)));
                return;
            }

            var history = HistoryGenerator.Generate(company, new HistorySpec(planStart, now.AddMinutes(-1), demo.Seed), metrics.Value);
            var accepted = 0;
            foreach (var batch in history.Chunk(BatchSize))
            {
                cancellationToken.ThrowIfCancellationRequested();
                accepted += (await ingestor.IngestAsync(WorkspaceName.Live, batch)).Accepted;
            }

            LogSeeded(logger, company.Territories.Count, company.Reps.Count, company.Accounts.Count, accepted, demo.HistoryDays);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
        catch (Exception exception)
        {
            LogFailed(logger, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo company loaded into 'live': {Territories} territories, {Reps} reps, {Accounts} accounts, {Events} events over the last {Days} days")]
    private static partial void LogSeeded(ILogger logger, int territories, int reps, int accounts, int events, int days);

    [LoggerMessage(Level = LogLevel.Error, Message = "The generated demo company is invalid: {Errors}")]
    private static partial void LogInvalid(ILogger logger, string errors);

    [LoggerMessage(Level = LogLevel.Error, Message = "Seeding the demo company failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
