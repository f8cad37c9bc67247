using System.Text;

namespace TerritoryGrid.Application.Backup;

/// <summary>
/// The framing of the binary entries: a marker byte before each frame and one after the last, so a file cut short
/// is told from a complete one. A grain state frame is (id, bytes); an activity-log frame is (account id, record
/// number, event count, events as the Orleans serializer writes them).
/// </summary>
public static class BackupFrames
{
    private const byte FrameMarker = 1;
    private const byte EndMarker = 0;

    public static BinaryWriter Writer(Stream stream) => new(stream, Encoding.UTF8, leaveOpen: true);

    public static BinaryReader Reader(Stream stream) => new(stream, Encoding.UTF8, leaveOpen: true);

    public static void WriteState(BinaryWriter writer, string id, byte[] state)
    {
        writer.Write(FrameMarker);
        writer.Write(id);
        writer.Write(state.Length);
        writer.Write(state);
    }

    public static void WriteLogRecord(BinaryWriter writer, string accountId, long sequence, int eventCount, byte[] events)
    {
        writer.Write(FrameMarker);
        writer.Write(accountId);
        writer.Write(sequence);
        writer.Write(eventCount);
        writer.Write(events.Length);
        writer.Write(events);
    }

    public static void WriteEnd(BinaryWriter writer) => writer.Write(EndMarker);

    /// <summary>The state frames of an entry, in order; <see cref="InvalidDataException"/> when it is cut short or malformed.</summary>
    public static IEnumerable<(string Id, byte[] State)> ReadStates(BinaryReader reader)
    {
        while (Next(reader))
        {
            var id = reader.ReadString();
            yield return (id, ReadBytes(reader));
        }
    }

    /// <summary>The log frames of an entry, in order; <see cref="InvalidDataException"/> when it is cut short or malformed.</summary>
    public static IEnumerable<(string AccountId, long Sequence, int EventCount, byte[] Events)> ReadLogRecords(BinaryReader reader)
    {
        while (Next(reader))
        {
            var accountId = reader.ReadString();
            var sequence = reader.ReadInt64();
            var eventCount = reader.ReadInt32();
            yield return (accountId, sequence, eventCount, ReadBytes(reader));
        }
    }

    private static bool Next(BinaryReader reader)
    {
        try
        {
            return reader.ReadByte() switch
            {
                FrameMarker => true,
                EndMarker => false,
                var other => throw new InvalidDataException($"a frame starts with byte {other}, not {FrameMarker} or {EndMarker}"),
            };
        }
        catch (EndOfStreamException)
        {
            throw new InvalidDataException("the entry ends before its end marker (the file is cut short)");
        }
    }

    private static byte[] ReadBytes(BinaryReader reader)
    {
        var length = reader.ReadInt32();
        if (length < 0)
        {
            throw new InvalidDataException($"a frame declares a negative length ({length})");
        }

        var bytes = reader.ReadBytes(length);
        return bytes.Length == length ? bytes : throw new InvalidDataException("a frame ends before its declared length (the file is cut short)");
    }
}
