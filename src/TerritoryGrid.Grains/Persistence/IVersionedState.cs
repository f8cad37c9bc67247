namespace TerritoryGrid.Grains.Persistence;

/// <summary>
/// A grain state that records the shape it was written in, so a newer silo can convert what an older one wrote.
/// <see cref="Version"/> must default to 0: a blob written before states carried a version has no such field and
/// reads as 0.
/// </summary>
internal interface IVersionedState
{
    /// <summary>The version of the shape written by this code.</summary>
    static abstract int CurrentVersion { get; }

    int Version { get; set; }

    /// <summary>
    /// Converts a state read in the shape of <paramref name="version"/> to the next version's. Fields added since are
    /// already there with their initial values (Orleans' version tolerance); a step is needed only when existing
    /// data must change meaning, place or unit.
    /// </summary>
    void MigrateFrom(int version);
}
