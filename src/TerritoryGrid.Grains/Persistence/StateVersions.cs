namespace TerritoryGrid.Grains.Persistence;

internal static class StateVersions
{
    /// <summary>
    /// Brings a state just read to the current version, one step per version; true when a stored state was converted
    /// (so it should be written back). A state that was never stored simply takes the current version.
    /// </summary>
    public static bool Upgrade<TState>(TState state, bool recordExists)
        where TState : IVersionedState
    {
        if (state.Version >= TState.CurrentVersion)
        {
            // Newer than this code (a silo not yet upgraded): unknown fields were skipped; nothing to convert.
            return false;
        }

        if (!recordExists)
        {
            state.Version = TState.CurrentVersion;
            return false;
        }

        for (var version = state.Version; version < TState.CurrentVersion; version++)
        {
            state.MigrateFrom(version);
        }

        state.Version = TState.CurrentVersion;
        return true;
    }
}
