using System.Text;

namespace TerritoryGrid.Application.Companies.Csv;

/// <summary>
/// A CSV file as CRM exports write it (RFC 4180: quoted fields, doubled quotes, line breaks inside quotes; a UTF-8
/// byte-order mark; CRLF or LF), read into a header and rows that remember the line each starts on.
/// </summary>
public sealed class CsvTable
{
    private CsvTable(string file, IReadOnlyList<string> header, IReadOnlyList<CsvRow> rows)
    {
        File = file;
        Header = header;
        Rows = rows;
    }

    public string File { get; }

    public IReadOnlyList<string> Header { get; }

    public IReadOnlyList<CsvRow> Rows { get; }

    /// <summary>Parses <paramref name="text"/>; throws <see cref="FormatException"/> naming the file and line of a quote left open.</summary>
    public static CsvTable Parse(string file, string text)
    {
        var records = new List<(int Line, List<string> Fields)>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var quoted = false;
        var i = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    line += c == '\n' ? 1 : 0;
                    field.Append(c);
                }
            }
            else if (c == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c is '\n' or '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                fields.Add(field.ToString());
                field.Clear();
                records.Add((recordLine, fields));
                fields = [];
                line++;
                recordLine = line;
            }
            else
            {
                field.Append(c);
            }
        }

        if (quoted)
        {
            throw new FormatException($"{file} line {recordLine}: a quoted field is never closed");
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            records.Add((recordLine, fields));
        }

        records.RemoveAll(r => r.Fields is [""]);
        if (records.Count == 0)
        {
            throw new FormatException($"{file}: empty (a header line is expected)");
        }

        var header = records[0].Fields.Select(h => h.Trim()).ToList();
        var rows = records.Skip(1).Select(r => new CsvRow(file, r.Line, header, r.Fields)).ToList();
        return new CsvTable(file, header, rows);
    }
}

/// <summary>One data line; fields are looked up by the column name the layout gives.</summary>
public sealed class CsvRow(string file, int line, IReadOnlyList<string> header, IReadOnlyList<string> fields)
{
    public string File { get; } = file;

    public int Line { get; } = line;

    /// <summary>The trimmed value of <paramref name="column"/>, or null when the column is absent or the cell empty.</summary>
    public string? this[string? column]
    {
        get
        {
            if (column is null)
            {
                return null;
            }

            var index = -1;
            for (var i = 0; i < header.Count; i++)
            {
                if (string.Equals(header[i], column, StringComparison.OrdinalIgnoreCase))
                {
                    index = i;
                    break;
                }
            }

            return index >= 0 && index < fields.Count && fields[index].Trim() is { Length: > 0 } value ? value : null;
        }
    }

    public int FieldCount => fields.Count;
}
