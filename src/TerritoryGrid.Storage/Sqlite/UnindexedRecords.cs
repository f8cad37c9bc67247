using TerritoryGrid.Contracts.Activity;

namespace TerritoryGrid.Storage.Sqlite;

/// <summary>
/// Where the log records appended since the last index flush are, by account, until the index holds them. Changed
/// only by the single writer (under its lock, after a commit); read by any reader.
/// </summary>
internal sealed class UnindexedRecords
{
    private readonly Dictionary<AccountKey, List<(long Sequence, long Position)>> byAccount = [];
    private readonly Lock gate = new();
    private int count;

    /// <summary>How many records wait for the index.</summary>
    public int Count => Volatile.Read(ref count);

    /// <summary>Records a committed append: one record per account, numbered and placed as the writer gave them.</summary>
    public void Add(string workspace, int generation, IReadOnlyList<AccountEvents> records, long[] sequences, long[] positions)
    {
        lock (gate)
        {
            for (var i = 0; i < records.Count; i++)
            {
                var key = new AccountKey(workspace, generation, records[i].AccountId);
                if (!byAccount.TryGetValue(key, out var waiting))
                {
                    waiting = [];
                    byAccount[key] = waiting;
                }

                waiting.Add((sequences[i], positions[i]));
            }

            Volatile.Write(ref count, count + records.Count);
        }
    }

    /// <summary>The account's waiting records numbered above <paramref name="after"/> and at most <paramref name="upTo"/>.</summary>
    public (long Sequence, long Position)[] Of(AccountKey key, long after, long upTo)
    {
        lock (gate)
        {
            return byAccount.TryGetValue(key, out var records)
                ? [.. records.Where(r => r.Sequence > after && r.Sequence <= upTo)]
                : [];
        }
    }

    /// <summary>The account's last number among the waiting records, if it has any.</summary>
    public long? LastSequence(AccountKey key)
    {
        lock (gate)
        {
            return byAccount.TryGetValue(key, out var records) ? records[^1].Sequence : null;
        }
    }

    public bool Contains(AccountKey key, long sequence)
    {
        lock (gate)
        {
            return byAccount.TryGetValue(key, out var records) && records.Exists(r => r.Sequence == sequence);
        }
    }

    /// <summary>Every waiting record, in index order (so a flush writes each index page once), and the last position among them.</summary>
    public (List<(AccountKey Key, long Sequence, long Position)> Entries, long LastPosition) Snapshot()
    {
        lock (gate)
        {
            var entries = new List<(AccountKey Key, long Sequence, long Position)>(count);
            var last = 0L;
            foreach (var (key, records) in byAccount)
            {
                foreach (var (sequence, position) in records)
                {
                    entries.Add((key, sequence, position));
                    last = Math.Max(last, position);
                }
            }

            entries.Sort((x, y) => x.Key.CompareTo(y.Key) is var byKey and not 0 ? byKey : x.Sequence.CompareTo(y.Sequence));
            return (entries, last);
        }
    }

    /// <summary>Forgets the records at or before <paramref name="position"/>: a committed flush indexed them.</summary>
    public void RemoveUpTo(long position)
    {
        lock (gate)
        {
            var left = 0;
            foreach (var key in byAccount.Keys.ToList())
            {
                var records = byAccount[key];
                records.RemoveAll(r => r.Position <= position);
                if (records.Count == 0)
                {
                    byAccount.Remove(key);
                }
                else
                {
                    left += records.Count;
                }
            }

            Volatile.Write(ref count, left);
        }
    }
}

/// <summary>An account's records in one workspace generation, ordered as the index orders them.</summary>
internal readonly record struct AccountKey(string Workspace, int Generation, string Account) : IComparable<AccountKey>
{
    public int CompareTo(AccountKey other) =>
        string.CompareOrdinal(Workspace, other.Workspace) is var byWorkspace and not 0 ? byWorkspace
        : Generation.CompareTo(other.Generation) is var byGeneration and not 0 ? byGeneration
        : string.CompareOrdinal(Account, other.Account);
}
