namespace TerritoryGrid.Contracts.Activity;

/// <summary>What happened to each event of a batch sent to one account.</summary>
public enum ApplyOutcome : byte
{
    Accepted = 0,

    /// <summary>Accepted, but older than the allowed lateness: counted in totals, not in the rolling windows.</summary>
    AcceptedLate = 1,

    /// <summary>Seen before with the same payload: counted once.</summary>
    Duplicate = 2,

    /// <summary>Seen before with a different payload: not applied, reported.</summary>
    Conflict = 3,

    /// <summary>The account does not exist in this workspace.</summary>
    UnknownAccount = 4,

    /// <summary>Refused by the account's rules (e.g. a win for an opportunity already closed).</summary>
    Invalid = 5,
}
