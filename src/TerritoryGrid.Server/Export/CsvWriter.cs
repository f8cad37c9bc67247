using System.Globalization;
using System.Text;

namespace TerritoryGrid.Server.Export;

/// <summary>
/// RFC 4180 CSV: fields with commas, quotes or line breaks are quoted, quotes doubled; lines end CRLF. Text that a
/// spreadsheet would run as a formula (starting with = + - @, a tab or a carriage return) is prefixed with an
/// apostrophe, so a name like "=cmd|' /C calc'!A0" reaches Excel as text. Numbers are written invariant, unprefixed.
/// </summary>
public sealed class CsvWriter
{
    private readonly StringBuilder text = new();
    private bool lineStarted;

    public CsvWriter Text(string? value)
    {
        value ??= "";
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return Field(value);
    }

    /// <summary>
    /// A number as the company holds it, to the last digit (the shortest text that reads back as the same double): an
    /// exported company imports back, or syncs, as exactly itself.
    /// </summary>
    public CsvWriter Exact(double? value) => Field(value is { } v && double.IsFinite(v) ? v.ToString("R", CultureInfo.InvariantCulture) : "");

    public CsvWriter Number(double? value) => Field(value is { } v && double.IsFinite(v) ? v.ToString("0.######", CultureInfo.InvariantCulture) : "");

    public CsvWriter EndLine()
    {
        text.Append("\r\n");
        lineStarted = false;
        return this;
    }

    public CsvWriter Header(params string[] names)
    {
        foreach (var name in names)
        {
            Field(name);
        }

        return EndLine();
    }

    public override string ToString() => text.ToString();

    private CsvWriter Field(string value)
    {
        if (lineStarted)
        {
            text.Append(',');
        }

        lineStarted = true;
        if (value.AsSpan().IndexOfAny(",\"\r\n") >= 0)
        {
            text.Append('"').Append(value.Replace("\"", "\"\"")).Append('"');
        }
        else
        {
            text.Append(value);
        }

        return this;
    }
}
