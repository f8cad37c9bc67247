using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;
using Orleans.Runtime;
using TerritoryGrid.Contracts.Grains;
using TerritoryGrid.Storage.Sqlite;

namespace TerritoryGrid.Server.Hosting;

/// <summary>
/// Ready when this silo is an active member of its cluster, its store answers, a grain call completes, and its
/// start-up warm-up has had every account report again (figures are complete): only then should a front door send it
/// traffic.
/// </summary>
internal sealed class ReadinessCheck(
    IServiceProvider services, IClusterMembershipService membership, ILocalSiloDetails silo, IGrainFactory grains, RecoveryState recovery)
    : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = membership.CurrentSnapshot.GetSiloStatus(silo.SiloAddress);
        if (status != SiloStatus.Active)
        {
            return HealthCheckResult.Unhealthy($"silo {silo.SiloAddress} is {status}, not yet an active member of the cluster");
        }

        try
        {
            await PingStoreAsync(cancellationToken);
            await grains.GetGrain<IWorkspaceDirectoryGrain>(0).List().WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"not ready: {exception.GetType().Name}: {exception.Message}");
        }

        if (recovery.Recovering)
        {
            return HealthCheckResult.Unhealthy("recovering: accounts are reporting again after start-up; until they have, figures may leave out events acknowledged before a restart");
        }

        return HealthCheckResult.Healthy($"silo {silo.SiloAddress} active; store answers; recovered");
    }

    private async Task PingStoreAsync(CancellationToken cancellationToken)
    {
        if (services.GetService<NpgsqlDataSource>() is { } postgres)
        {
            await using var command = postgres.CreateCommand("SELECT 1");
            await command.ExecuteScalarAsync(cancellationToken);
        }
        else if (services.GetService<SqliteDatabase>() is { } sqlite)
        {
            await Task.Run(() =>
            {
                using var connection = sqlite.OpenReader();
                using var command = connection.CreateCommand();
                command.CommandText = "SELECT 1";
                command.ExecuteScalar();
            }, cancellationToken);
        }
    }
}
