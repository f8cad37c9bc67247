namespace TerritoryGrid.Server.Hosting;

/// <summary>
/// Whether this server's start-up warm-up is still having accounts report again: until it has, figures read from
/// territories may leave out events acknowledged before a crash, so the server does not call itself ready.
/// </summary>
public sealed class RecoveryState
{
    private volatile bool recovering;

    public bool Recovering => recovering;

    public void Begin() => recovering = true;

    public void End() => recovering = false;
}
