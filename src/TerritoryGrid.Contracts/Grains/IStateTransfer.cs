namespace TerritoryGrid.Contracts.Grains;

/// <summary>
/// A grain whose whole state can be copied out and into another deployment (backup and restore). The bytes are the
/// state as the Orleans serializer writes it: the same whatever store the deployment uses, and readable by later
/// versions of the code (field ids are never reused).
/// </summary>
[Alias("tg.IStateTransfer")]
public interface IStateTransfer : IGrain
{
    /// <summary>The state as the grain holds it now (newer than its last checkpoint), or null when it has none.</summary>
    [Alias("ExportState")]
    Task<byte[]?> ExportState();

    /// <summary>
    /// Replaces the state with <paramref name="state"/> and writes it at once; the grain then deactivates, so the next
    /// call activates it from what was written, through the same recovery a restart goes through.
    /// </summary>
    [Alias("ImportState")]
    Task ImportState(byte[] state);
}
