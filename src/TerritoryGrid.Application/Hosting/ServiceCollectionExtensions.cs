using Microsoft.Extensions.DependencyInjection.Extensions;
using TerritoryGrid.Application.Companies;
using TerritoryGrid.Application.Ingest;
using TerritoryGrid.Application.Queries;
using TerritoryGrid.Contracts.Activity;
using TerritoryGrid.Domain;

namespace Microsoft.Extensions.DependencyInjection;

public static class TerritoryGridApplicationExtensions
{
    /// <summary>Adds the company loader, the activity ingestor and the metrics reader, with their options.</summary>
    public static IServiceCollection AddTerritoryGridApplication(this IServiceCollection services)
    {
        services.AddOptions<MetricsOptions>().BindConfiguration(MetricsOptions.SectionName);
        services.AddOptions<IngestOptions>().BindConfiguration(IngestOptions.SectionName);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IActivityLog, NoActivityLog>();
        services.AddSingleton<WorkspaceCache>();
        services.AddSingleton<AccountReferences>();
        services.AddOptions<TerritoryGrid.Application.Commercial.CommercialOptions>()
            .BindConfiguration(TerritoryGrid.Application.Commercial.CommercialOptions.SectionName)
            .Validate(o => o.FiscalYearStartMonth is >= 1 and <= 12, "Company:FiscalYearStartMonth must be a month from 1 to 12")
            .Validate(o => TerritoryGrid.Domain.Commercial.CurrencyCode.Parse(o.Currency).Code is not null, "Company:Currency must be an ISO 4217 code (three letters, e.g. USD)")
            .ValidateOnStart();
        services.AddSingleton<TerritoryGrid.Application.Commercial.CommercialTermsCache>();
        services.AddSingleton<TerritoryGrid.Application.Commercial.CommercialTermsService>();
        services.AddSingleton<CompanyLoader>();
        services.AddSingleton<TerritoryGrid.Application.Companies.Sync.CompanySync>();
        services.AddSingleton<TerritoryGrid.Application.Backup.WorkspaceBackup>();
        services.AddSingleton<TerritoryGrid.Application.Backup.WorkspaceRestore>();
        services.AddMetrics();
        services.AddSingleton<IngestTelemetry>();
        services.AddSingleton<ActivityIngestor>();
        services.AddSingleton<TerritoryGrid.Application.History.HistoryImporter>();
        services.AddSingleton<MetricsReader>();
        services.AddSingleton<AsOfReader>();
        services.AddSingleton<TerritoryGrid.Application.Roster.RosterService>();
        services.AddOptions<TerritoryGrid.Planning.Plans.PlanningOptions>().BindConfiguration(TerritoryGrid.Planning.Plans.PlanningOptions.Section);
        services.AddSingleton<TerritoryGrid.Application.Plans.LiveAlignmentSwitch>();
        services.AddSingleton<TerritoryGrid.Application.Plans.PlanService>();
        services.AddSingleton<TerritoryGrid.Application.Plans.PlanProposals>();
        services.AddOptions<TerritoryGrid.Application.Rebuilds.RebuildOptions>().BindConfiguration(TerritoryGrid.Application.Rebuilds.RebuildOptions.SectionName);
        services.AddSingleton<TerritoryGrid.Application.Rebuilds.MetricsRebuild>();
        return services;
    }
}
