namespace TerritoryGrid.Server.Hosting;

/// <summary>Where grain state and the activity log live, bound from "Storage".</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>
    /// <see cref="StorageProvider.Sqlite"/> (the default) keeps everything in one file under
    /// <see cref="DataDirectory"/> across restarts; <see cref="StorageProvider.Memory"/> keeps nothing;
    /// <see cref="StorageProvider.Postgres"/> is cluster mode: membership, state and the log in PostgreSQL
    /// (connection string "ConnectionStrings:Postgres").
    /// </summary>
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>Directory of the embedded database. The default is "data" under the working directory.</summary>
    public string DataDirectory { get; set; } = "data";

    public string DatabasePath => Path.Combine(DataDirectory, "territorygrid.db");
}

public enum StorageProvider
{
    Sqlite = 0,
    Memory = 1,
    Postgres = 2,
}
