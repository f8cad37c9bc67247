using TerritoryGrid.Contracts.Company;

namespace TerritoryGrid.Contracts.Grains;

/// <summary>A workspace ("live" or a sandbox name) and its company. Keyed by the workspace name.</summary>
[Alias("tg.IWorkspaceGrain")]
public interface IWorkspaceGrain : IGrainWithStringKey, IStateTransfer
{
    [Alias("GetInfo")]
    Task<WorkspaceInfo> GetInfo();

    /// <summary>Reserves the next generation for a company being loaded; reads keep the current one until commit.</summary>
    [Alias("BeginLoad")]
    Task<int> BeginLoad();

    /// <summary>Makes a loaded generation current. A generation older than the current one is refused.</summary>
    [Alias("CommitLoad")]
    Task<WorkspaceInfo> CommitLoad(int generation, CompanyManifest manifest);

    /// <summary>
    /// Switches the current company to a new alignment made by plan <paramref name="planId"/> (same generation: grains
    /// keep their activity). Refused unless the workspace is still at the generation and alignment the plan was
    /// prepared for; repeating the same plan's switch returns the state it made.
    /// </summary>
    [Alias("Realign")]
    Task<WorkspaceInfo> Realign(int generation, int alignmentVersion, string planId, CompanyManifest manifest);

    /// <summary>
    /// Adds reps hired after the company was loaded to its definition (each a rep of the company format as UTF-8
    /// JSON) and its rep list, so plans and exports know them. A rep already there is left as it is.
    /// </summary>
    [Alias("AddRepDefinitions")]
    Task AddRepDefinitions(byte[][] reps);

    /// <summary>
    /// Flags accounts of the definition as orphaned since <paramref name="since"/> (their owner left), so the company,
    /// its exports and later plans know it; an account already orphaned keeps its earlier time.
    /// </summary>
    [Alias("MarkOrphaned")]
    Task MarkOrphaned(string[] accountIds, DateTimeOffset since);

    /// <summary>The current company's definition as UTF-8 JSON, or null when none is loaded.</summary>
    [Alias("GetDefinition")]
    Task<byte[]?> GetDefinition();
}
