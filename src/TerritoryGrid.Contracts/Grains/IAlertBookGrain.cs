using TerritoryGrid.Domain.Coverage;

namespace TerritoryGrid.Contracts.Grains;

/// <summary>
/// A workspace's acknowledged alerts (keyed by workspace). An acknowledged status is not notified again until the
/// territory's status changes to another one.
/// </summary>
[Alias("tg.IAlertBookGrain")]
public interface IAlertBookGrain : IGrainWithStringKey, IStateTransfer
{
    [Alias("Acknowledge")]
    Task<AlertAcknowledgement> Acknowledge(string territoryId, ServiceStatus status, string by);

    /// <summary>False when <paramref name="to"/> is the territory's acknowledged status; a different status ends the acknowledgement.</summary>
    [Alias("ShouldNotify")]
    Task<bool> ShouldNotify(string territoryId, ServiceStatus to);

    [Alias("List")]
    Task<AlertAcknowledgement[]> List();
}

[GenerateSerializer, Immutable, Alias("tg.AlertAcknowledgement")]
public sealed record AlertAcknowledgement(
    [property: Id(0)] string TerritoryId,
    [property: Id(1)] ServiceStatus Status,
    [property: Id(2)] string By,
    [property: Id(3)] DateTimeOffset At);
