using TerritoryGrid.Contracts.Activity;

namespace TerritoryGrid.Grains.Accounts;

/// <summary>
/// The events a correction may name: the account's logged records before the one being applied, and that record
/// itself. An account keeps only hashes of the events it accepted, so the corrected event's payload is read back from
/// the log.
/// </summary>
internal sealed class CorrectionTargets(IReadOnlyList<LoggedEvents> earlierRecords, ActivityEvent[] currentRecord)
{
    public IReadOnlyList<LoggedEvents> EarlierRecords => earlierRecords;

    /// <summary>The accepted event with this id and payload; null when the log holds none (it is older than the log).</summary>
    public ActivityEvent? Find(string id, ulong payloadHash)
    {
        foreach (var e in currentRecord)
        {
            if (e.Id == id && StableHash.OfPayload(e) == payloadHash)
            {
                return e;
            }
        }

        for (var r = earlierRecords.Count - 1; r >= 0; r--)
        {
            foreach (var e in earlierRecords[r].Events)
            {
                if (e.Id == id && StableHash.OfPayload(e) == payloadHash)
                {
                    return e;
                }
            }
        }

        return null;
    }
}
