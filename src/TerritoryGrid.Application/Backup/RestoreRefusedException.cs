namespace TerritoryGrid.Application.Backup;

/// <summary>A restore that was not started, and why: nothing of the file was applied.</summary>
public sealed class RestoreRefusedException(RestoreRefusal reason, string message) : Exception(message)
{
    public RestoreRefusal Reason { get; } = reason;
}

public enum RestoreRefusal
{
    /// <summary>The file is not a backup this code can read whole (a client error: 400).</summary>
    InvalidFile,

    /// <summary>The workspace already holds a company (a conflict: 409).</summary>
    WorkspaceNotEmpty,
}
