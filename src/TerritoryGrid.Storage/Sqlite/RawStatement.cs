using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace TerritoryGrid.Storage.Sqlite;

/// <summary>
/// One statement prepared on a connection and run row after row through SQLite's own API, inside whatever transaction
/// the connection has open. Microsoft.Data.Sqlite allocates a data reader, a statement enumerator, a binder per
/// parameter and a boxed number on every execution: in the durable ingest's allocation profile its inserts into the
/// log and into the log's index were 30% of everything the process allocated. Values stay bound between runs.
/// </summary>
internal sealed class RawStatement : IDisposable
{
    private readonly sqlite3 database;
    private readonly sqlite3_stmt statement;

    public RawStatement(SqliteConnection connection, string sql)
    {
        database = connection.Handle ?? throw new InvalidOperationException("the connection must be open to prepare a statement");
        var result = raw.sqlite3_prepare_v2(database, sql, out var prepared);
        if (result != raw.SQLITE_OK)
        {
            prepared.Dispose();
            throw Failure(result);
        }

        statement = prepared;
    }

    /// <summary>Binds parameter <paramref name="index"/> (from 1, as <c>?1</c>, <c>?2</c>… in the SQL).</summary>
    public void Bind(int index, long value) => Check(raw.sqlite3_bind_int64(statement, index, value));

    public void Bind(int index, string value) => Check(raw.sqlite3_bind_text16(statement, index, value.AsSpan()));

    public void Bind(int index, byte[] value) => Check(raw.sqlite3_bind_blob(statement, index, value));

    /// <summary>Runs a statement that returns no rows.</summary>
    public void Execute()
    {
        var result = raw.sqlite3_step(statement);
        raw.sqlite3_reset(statement);
        if (result != raw.SQLITE_DONE)
        {
            throw Failure(result);
        }
    }

    /// <summary>The first column of the first row as a number; null when there is no row or the value is NULL.</summary>
    public long? QueryInt64()
    {
        try
        {
            var result = raw.sqlite3_step(statement);
            if (result == raw.SQLITE_ROW)
            {
                return raw.sqlite3_column_type(statement, 0) == raw.SQLITE_NULL ? null : raw.sqlite3_column_int64(statement, 0);
            }

            return result == raw.SQLITE_DONE ? null : throw Failure(result);
        }
        finally
        {
            raw.sqlite3_reset(statement);
        }
    }

    public void Dispose() => statement.Dispose();

    private void Check(int result)
    {
        if (result != raw.SQLITE_OK)
        {
            throw Failure(result);
        }
    }

    private SqliteException Failure(int result) => new(raw.sqlite3_errmsg(database).utf8_to_string(), result);
}
