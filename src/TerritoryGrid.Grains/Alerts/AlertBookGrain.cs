using TerritoryGrid.Contracts.Grains;
using TerritoryGrid.Domain.Coverage;
using TerritoryGrid.Grains.Persistence;

namespace TerritoryGrid.Grains.Alerts;

internal sealed class AlertBookGrain(
    [PersistentState("alerts", StorageNames.Grains)] IPersistentState<Dictionary<string, AlertAcknowledgement>> acknowledged,
    TimeProvider clock)
    : TransferableGrain<Dictionary<string, AlertAcknowledgement>>, IAlertBookGrain
{
    protected override IPersistentState<Dictionary<string, AlertAcknowledgement>> Persisted => acknowledged;

    public async Task<AlertAcknowledgement> Acknowledge(string territoryId, ServiceStatus status, string by)
    {
        var acknowledgement = new AlertAcknowledgement(territoryId, status, by, clock.GetUtcNow());
        acknowledged.State[territoryId] = acknowledgement;
        await acknowledged.WriteStateAsync();
        return acknowledgement;
    }

    public async Task<bool> ShouldNotify(string territoryId, ServiceStatus to)
    {
        if (!acknowledged.State.TryGetValue(territoryId, out var acknowledgement))
        {
            return true;
        }

        if (acknowledgement.Status == to)
        {
            return false;
        }

        acknowledged.State.Remove(territoryId);
        await acknowledged.WriteStateAsync();
        return true;
    }

    public Task<AlertAcknowledgement[]> List() => Task.FromResult(acknowledged.State.Values.OrderBy(a => a.TerritoryId, StringComparer.Ordinal).ToArray());
}
