using System.Globalization;
using TerritoryGrid.Application.Companies.Csv;

namespace TerritoryGrid.Application.History;

/// <summary>
/// One line of a history file read through its layout section: each cell by field name, parsed, with every problem
/// kept (line, column, reason) so that a row reports all that is wrong with it at once.
/// </summary>
public sealed class HistoryRow(CsvRow row, HistoryFileLayout layout, string[] dateFormats, CompanyDirectory company)
{
    private static readonly char[] CurrencySymbols = ['$', '€', '£', '¥'];

    public int Line => row.Line;

    public List<RowIssue> Problems { get; } = [];

    /// <summary>
    /// True when no mapped cell holds anything: a spreadsheet's trailing ",,,,," line or a line of spaces, skipped as the
    /// blank line it is rather than rejected for every required cell.
    /// </summary>
    public bool IsBlank => layout.Columns.Values.All(column => row[column] is null);

    public string Column(string field) => layout.Columns.GetValueOrDefault(field) ?? field;

    /// <summary>The cell's text (trimmed, line breaks as spaces), or null when empty or not mapped; an empty required cell is a problem.</summary>
    public string? Text(string field, bool required = false)
    {
        var text = row[layout.Columns.GetValueOrDefault(field)]?.Replace("\r\n", " ").Replace('\n', ' ').Replace('\r', ' ');
        if (text is null && required)
        {
            Reject(field, "is empty; a value is required");
        }

        return text;
    }

    /// <summary>A date in one of the layout's formats, read as UTC unless it carries an offset.</summary>
    public DateTimeOffset? Date(string field, bool required = false)
    {
        var text = Text(field, required);
        if (text is null)
        {
            return null;
        }

        if (CsvValues.TryDate(text, dateFormats, out var date))
        {
            return date;
        }

        Reject(field, $"'{CsvCompanyReader.Quoted(text)}' is not a date in the layout's formats ({string.Join(", ", dateFormats)})");
        return null;
    }

    /// <summary>A number as CRM exports write amounts: "$1,250.00", "USD 1,250.00", "1250".</summary>
    public double? Number(string field, bool required = false)
    {
        var text = Text(field, required);
        if (text is null)
        {
            return null;
        }

        var cleaned = text.Replace(",", "", StringComparison.Ordinal).Trim().TrimStart(CurrencySymbols);
        if (cleaned.Length > 4 && char.IsAsciiLetterUpper(cleaned[0]) && char.IsAsciiLetterUpper(cleaned[1]) && char.IsAsciiLetterUpper(cleaned[2]) && cleaned[3] == ' ')
        {
            cleaned = cleaned[4..];
        }

        if (double.TryParse(cleaned.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
        {
            return value;
        }

        Reject(field, $"'{CsvCompanyReader.Quoted(text)}' is not a number");
        return null;
    }

    public string? Account() => Party("accountId", required: true, company.Account);

    /// <summary>The rep, when the row names one: an empty cell leaves the event without a rep; a name matching none is a problem.</summary>
    public string? Rep() => Party("repId", required: false, company.Rep);

    /// <summary>A value the layout maps (a stage, an activity type, a product), matched ignoring case and surrounding spaces.</summary>
    public T? Mapped<T>(string field, Dictionary<string, T>? mapping, string what) where T : struct
    {
        var text = Text(field, required: true);
        if (text is null)
        {
            return null;
        }

        foreach (var (name, value) in mapping ?? [])
        {
            if (string.Equals(name.Trim(), text, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        Reject(field, $"'{CsvCompanyReader.Quoted(text)}' is not a {what} the layout maps ({CsvCompanyReader.Quoted(string.Join(", ", (mapping ?? []).Keys), 200)})");
        return null;
    }

    public void Reject(string field, string reason) => Problems.Add(new RowIssue(Line, Column(field), null, reason));

    private string? Party(string field, bool required, Func<string, (string? Id, string? Problem)> find)
    {
        if (Text(field, required) is not { } text)
        {
            return null;
        }

        var (id, problem) = find(text);
        if (problem is not null)
        {
            Reject(field, CsvCompanyReader.Quoted(problem, 300));
        }

        return id;
    }
}
