using Microsoft.Data.Sqlite;
using TerritoryGrid.Storage.Sqlite;

namespace TerritoryGrid.Server.Tests.Storage;

/// <summary>The embedded log's statements run through SQLite's own API: values, NULLs and failures as SQLite gives them.</summary>
public sealed class RawStatementTests : IDisposable
{
    private readonly SqliteConnection connection = new("Data Source=:memory:");

    public RawStatementTests()
    {
        connection.Open();
        using var create = connection.CreateCommand();
        create.CommandText = "CREATE TABLE t (id TEXT NOT NULL UNIQUE, number INTEGER, payload BLOB NOT NULL)";
        create.ExecuteNonQuery();
    }

    [Fact]
    public void Rows_AreInserted_WithTheValuesBound_AndConstantsStayBoundBetweenRuns()
    {
        using (var insert = new RawStatement(connection, "INSERT INTO t (id, number, payload) VALUES (?1, ?2, ?3)"))
        {
            insert.Bind(3, [1, 2, 3]);
            foreach (var (id, number) in new[] { ("é-1", 41L), ("b", long.MaxValue) })
            {
                insert.Bind(1, id);
                insert.Bind(2, number);
                insert.Execute();
            }
        }

        Assert.Equal([("é-1", 41L, 3L), ("b", long.MaxValue, 3L)], Rows());
    }

    [Fact]
    public void AnEmptyPayload_IsStoredAsAnEmptyBlob_NotAsNull()
    {
        using var insert = new RawStatement(connection, "INSERT INTO t (id, number, payload) VALUES (?1, ?2, ?3)");
        insert.Bind(1, "empty");
        insert.Bind(2, 0);
        insert.Bind(3, []);

        insert.Execute();

        Assert.Equal([("empty", 0L, 0L)], Rows());
    }

    [Fact]
    public void ABrokenConstraint_ThrowsSqlitesError_AndTheStatementCanRunAgain()
    {
        using var insert = new RawStatement(connection, "INSERT INTO t (id, number, payload) VALUES (?1, 1, x'00')");
        insert.Bind(1, "same");
        insert.Execute();

        var error = Assert.Throws<SqliteException>(insert.Execute);

        Assert.Equal(19, error.SqliteErrorCode); // SQLITE_CONSTRAINT
        Assert.Contains("UNIQUE constraint failed: t.id", error.Message);
        insert.Bind(1, "other");
        insert.Execute();
        Assert.Equal(["same", "other"], Rows().Select(r => r.Id));
    }

    [Fact]
    public void AQueriedNumber_IsNull_WithoutARow_OrForANullValue()
    {
        using (var insert = new RawStatement(connection, "INSERT INTO t (id, number, payload) VALUES ('a', 7, x'00')"))
        {
            insert.Execute();
        }

        using var highest = new RawStatement(connection, "SELECT MAX(number) FROM t WHERE id = ?1");
        using var any = new RawStatement(connection, "SELECT number FROM t WHERE id = ?1");
        highest.Bind(1, "a");
        Assert.Equal(7, highest.QueryInt64());
        highest.Bind(1, "nobody");
        Assert.Null(highest.QueryInt64()); // MAX over no rows: one row holding NULL
        any.Bind(1, "nobody");
        Assert.Null(any.QueryInt64()); // no row at all
    }

    [Fact]
    public void SqlThatDoesNotCompile_IsRefusedWithSqlitesMessage()
    {
        var error = Assert.Throws<SqliteException>(() => new RawStatement(connection, "INSERT INTO missing VALUES (?1)"));

        Assert.Contains("no such table: missing", error.Message);
    }

    private List<(string Id, long Number, long PayloadLength)> Rows()
    {
        using var select = connection.CreateCommand();
        select.CommandText = "SELECT id, number, length(payload) FROM t ORDER BY rowid";
        using var reader = select.ExecuteReader();
        var rows = new List<(string, long, long)>();
        while (reader.Read())
        {
            rows.Add((reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2)));
        }

        return rows;
    }

    public void Dispose() => connection.Dispose();
}
