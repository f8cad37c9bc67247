namespace TerritoryGrid.Contracts.Activity;

/// <summary>Wording of refusals that callers sort by (the history import tells "already loaded or too old" apart).</summary>
public static class RefusalReasons
{
    /// <summary>Ends the reason an account gives for an event older than its duplicate horizon.</summary>
    public const string OutsideDuplicateHorizon = "outside the window in which duplicates are detected";
}
