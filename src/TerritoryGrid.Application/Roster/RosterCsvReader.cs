using System.Globalization;
using TerritoryGrid.Application.Companies.Csv;
using TerritoryGrid.Domain.Company;
using TerritoryGrid.Domain.Geography;

namespace TerritoryGrid.Application.Roster;

/// <summary>
/// Roster changes from a CSV file (an HR system's export of leaves, departures and hires), one change per line in
/// TerritoryGrid's columns: <c>rep_id</c>, <c>change</c> (leave, departure, availability, hire), <c>effective_at</c>,
/// and where the change needs them <c>until</c>, <c>availability</c>, <c>territory_id</c>, <c>rep_name</c>,
/// <c>role</c>, <c>home_latitude</c>, <c>home_longitude</c>, <c>selling_hours_per_week</c>, <c>ramp_weeks</c>.
/// A line that cannot be read is reported with its column and reason; the others are read.
/// </summary>
public sealed class RosterCsvReader(string[] dateFormats)
{
    public static readonly string[] RequiredColumns = ["rep_id", "change", "effective_at"];

    public (List<(int Line, RosterChangeInput Change)> Changes, List<RosterLineRefusal> Refused) Read(CsvTable table)
    {
        var changes = new List<(int, RosterChangeInput)>();
        var refused = new List<RosterLineRefusal>();
        var missing = RequiredColumns.Where(c => !table.Header.Contains(c, StringComparer.OrdinalIgnoreCase)).ToList();
        if (missing.Count > 0)
        {
            refused.Add(new RosterLineRefusal(table.File, 1, string.Join(", ", missing), null,
                $"the header has no column {string.Join(", ", missing)}; it has: {string.Join(", ", table.Header)}"));
            return (changes, refused);
        }

        foreach (var row in table.Rows)
        {
            var problems = new List<RosterLineRefusal>();
            var line = new LineReader(row, dateFormats, problems);
            var change = new RosterChangeInput(
                line.Required("rep_id") ?? "", line.Required("change") ?? "", line.Date("effective_at", required: true) ?? default,
                line.Date("until"), line.Number("availability"), row["territory_id"], row["rep_name"], line.Role(), line.Home(),
                line.Number("selling_hours_per_week"), line.WholeNumber("ramp_weeks"));
            if (problems.Count == 0)
            {
                changes.Add((row.Line, change));
            }
            else
            {
                refused.AddRange(problems);
            }
        }

        return (changes, refused);
    }

    private sealed class LineReader(CsvRow row, string[] dateFormats, List<RosterLineRefusal> problems)
    {
        public string? Required(string column)
        {
            var value = row[column];
            if (value is null)
            {
                Refuse(column, "is empty; a value is required");
            }

            return value;
        }

        public DateTimeOffset? Date(string column, bool required = false)
        {
            var text = required ? Required(column) : row[column];
            if (text is null)
            {
                return null;
            }

            if (CsvValues.TryDate(text, dateFormats, out var date))
            {
                return date;
            }

            Refuse(column, $"'{CsvCompanyReader.Quoted(text)}' is not a date in the formats {string.Join(", ", dateFormats)}");
            return null;
        }

        public double? Number(string column)
        {
            var text = row[column];
            if (text is null)
            {
                return null;
            }

            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
            {
                return value;
            }

            Refuse(column, $"'{CsvCompanyReader.Quoted(text)}' is not a number");
            return null;
        }

        public int? WholeNumber(string column)
        {
            var number = Number(column);
            if (number is null || number == Math.Floor(number.Value) && Math.Abs(number.Value) <= int.MaxValue)
            {
                return (int?)number;
            }

            Refuse(column, $"{number.Value.ToString(CultureInfo.InvariantCulture)} is not a whole number");
            return null;
        }

        public RepRole? Role() => row["role"] switch
        {
            null => null,
            { } text => CsvValues.Role(text) ?? RefuseRole(text),
        };

        public GeoPoint? Home()
        {
            var latitude = Number("home_latitude");
            var longitude = Number("home_longitude");
            return latitude is { } lat && longitude is { } lon ? new GeoPoint(lat, lon) : null;
        }

        private RepRole? RefuseRole(string text)
        {
            Refuse("role", $"'{CsvCompanyReader.Quoted(text)}' {CsvValues.RoleProblem}");
            return null;
        }

        private void Refuse(string column, string reason) => problems.Add(new RosterLineRefusal(row.File, row.Line, column, row["rep_id"], reason));
    }
}

/// <summary>A roster line not applied: where it is, the column at fault (none when the change itself was refused), and why.</summary>
public sealed record RosterLineRefusal(string File, int Line, string? Column, string? RepId, string Reason);

/// <summary>What a roster file did: the changes applied, and every line refused with its reason.</summary>
public sealed record RosterCsvResult(string Workspace, int Applied, IReadOnlyList<RosterLineRefusal> Rejected);
