using System.Globalization;
using Orleans.Serialization;
using Orleans.Storage;

namespace TerritoryGrid.Storage.Sqlite;

/// <summary>
/// Orleans grain storage in the embedded database, with an integer etag for optimistic concurrency. State is
/// serialised with the Orleans serializer, whose field ids keep old state readable by newer code.
/// </summary>
public sealed class SqliteGrainStorage(SqliteDatabase database, Serializer serializer) : IGrainStorage
{
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        Task.Run(() =>
        {
            using var connection = database.OpenReader();
            using var select = connection.CreateCommand();
            select.CommandText = "SELECT etag, payload FROM grain_state WHERE grain_type = $type AND grain_id = $id";
            select.Parameters.AddWithValue("$type", stateName);
            select.Parameters.AddWithValue("$id", grainId.ToString());
            using var reader = select.ExecuteReader();
            if (reader.Read())
            {
                grainState.ETag = reader.GetInt64(0).ToString(CultureInfo.InvariantCulture);
                grainState.State = serializer.Deserialize<T>((byte[])reader[1]);
                grainState.RecordExists = true;
            }
        });

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var payload = serializer.SerializeToArray(grainState.State);
        var expected = grainState.ETag is null ? 0 : long.Parse(grainState.ETag, CultureInfo.InvariantCulture);
        var written = await database.WriteAsync((connection, transaction) =>
        {
            using var upsert = connection.CreateCommand();
            upsert.Transaction = transaction;
            upsert.CommandText = """
                INSERT INTO grain_state (grain_type, grain_id, etag, payload) VALUES ($type, $id, 1, $payload)
                ON CONFLICT (grain_type, grain_id) DO UPDATE SET etag = etag + 1, payload = excluded.payload WHERE etag = $expected
                RETURNING etag
                """;
            upsert.Parameters.AddWithValue("$type", stateName);
            upsert.Parameters.AddWithValue("$id", grainId.ToString());
            upsert.Parameters.AddWithValue("$payload", payload);
            upsert.Parameters.AddWithValue("$expected", expected);
            return upsert.ExecuteScalar() is long etag ? etag : (long?)null;
        });

        if (written is not { } etag || (expected == 0 && etag != 1))
        {
            throw new InconsistentStateException(
                $"State '{stateName}' of {grainId} was changed by another writer (expected etag {expected}).", "", grainState.ETag ?? "");
        }

        grainState.ETag = etag.ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        database.WriteAsync((connection, transaction) =>
        {
            using var delete = connection.CreateCommand();
            delete.Transaction = transaction;
            delete.CommandText = "DELETE FROM grain_state WHERE grain_type = $type AND grain_id = $id";
            delete.Parameters.AddWithValue("$type", stateName);
            delete.Parameters.AddWithValue("$id", grainId.ToString());
            delete.ExecuteNonQuery();
            grainState.ETag = null;
            grainState.RecordExists = false;
            return true;
        });
}
