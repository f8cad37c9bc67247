using System.Globalization;
using TerritoryGrid.Domain.Accounts;
using TerritoryGrid.Domain.Company;
using TerritoryGrid.Domain.Geography;

namespace TerritoryGrid.Application.Companies.Csv;

/// <summary>
/// Builds a company from three CSV files (territories, reps, accounts) through a layout. Every problem is reported
/// with its file, line and column, and none stops the reading of the rest, so one import lists everything to fix.
/// </summary>
public sealed class CsvCompanyReader(CsvLayout layout)
{
    /// <summary>Errors reported at most: a file of a million bad lines must not become an answer of a million errors.</summary>
    public const int MaxErrors = 200;

    /// <summary>Longest cell text quoted in an error (the rest is counted, not echoed).</summary>
    private const int MaxQuoted = 100;

    private readonly List<ValidationError> errors = [];
    private readonly Dictionary<(string Entity, string Id), List<(string File, int Line)>> origins = [];
    private readonly Dictionary<string, List<(string File, int Line)>> positions = [];
    private int unreported;

    public IReadOnlyList<ValidationError> Errors => unreported == 0
        ? errors
        : [.. errors, new ValidationError("import", "", "", $"{unreported} more errors not listed; fix these first")];

    public CompanyDefinition? Read(string name, CsvTable territories, CsvTable reps, CsvTable accounts)
    {
        RequireColumns(territories, layout.Territories, CsvLayout.RequiredTerritoryFields);
        RequireColumns(reps, layout.Reps, CsvLayout.RequiredRepFields);
        RequireColumns(accounts, layout.Accounts, CsvLayout.RequiredAccountFields);
        if (errors.Count > 0)
        {
            return null;
        }

        var company = new CompanyDefinition(
            name,
            territories.Rows.Select(ReadTerritory).OfType<TerritoryDefinition>().ToList(),
            reps.Rows.Select(ReadRep).OfType<RepDefinition>().ToList(),
            accounts.Rows.Select(ReadAccount).OfType<AccountDefinition>().ToList());
        return errors.Count == 0 ? company : null;
    }

    /// <summary>A validator's error about an entity, re-said with the file and line the entity came from.</summary>
    /// <remarks>
    /// The validator names an entity by its id, or by its position ("#3") when the id itself is at fault; positions
    /// count the entities read, which are all the lines, since a company is validated only when every line was clean.
    /// </remarks>
    public ValidationError Locate(ValidationError error)
    {
        if (origins.TryGetValue((error.Entity, error.Id), out var lines))
        {
            // A duplicate id is on several lines: all of them are named, the one to fix may be any.
            var where = lines.Count switch
            {
                1 => $"line {lines[0].Line}",
                <= 10 => $"lines {string.Join(", ", lines.Select(l => l.Line))}",
                _ => $"lines {string.Join(", ", lines.Take(10).Select(l => l.Line))}… ({lines.Count} lines)",
            };
            return error with { Entity = lines[0].File, Id = $"{where} ({error.Entity} '{Quoted(error.Id)}')" };
        }

        return error.Id.StartsWith('#') && int.TryParse(error.Id[1..], out var index)
            && positions.GetValueOrDefault(error.Entity) is { } read && index >= 0 && index < read.Count
            ? error with { Entity = read[index].File, Id = $"line {read[index].Line} ({error.Entity})" }
            : error;
    }

    /// <summary>The validator's errors located in the files, at most <see cref="MaxErrors"/> of them, each message cut short.</summary>
    public IReadOnlyList<ValidationError> Locate(IReadOnlyList<ValidationError> validation)
    {
        var located = validation.Take(MaxErrors).Select(e => Locate(e) with { Message = Quoted(e.Message, 300) }).ToList();
        if (validation.Count > MaxErrors)
        {
            located.Add(new ValidationError("import", "", "", $"{validation.Count - MaxErrors} more errors not listed; fix these first"));
        }

        return located;
    }

    /// <summary>A cell's text as an error quotes it: short texts whole, long ones cut and their length given.</summary>
    public static string Quoted(string text, int longest = MaxQuoted) =>
        text.Length <= longest ? text : $"{text[..longest]}… ({text.Length.ToString("N0", CultureInfo.InvariantCulture)} characters)";

    private void Add(ValidationError error)
    {
        if (errors.Count < MaxErrors)
        {
            errors.Add(error);
        }
        else
        {
            unreported++;
        }
    }

    /// <summary>Columns of required fields must be there; an optional field's column may be left out of the file.</summary>
    private void RequireColumns(CsvTable table, Dictionary<string, string> mapping, string[] required)
    {
        foreach (var (field, column) in mapping.Where(m => required.Contains(m.Key)))
        {
            if (!table.Header.Contains(column, StringComparer.OrdinalIgnoreCase))
            {
                Add(new ValidationError(table.File, "header", column,
                    $"column '{column}' (layout '{layout.Name}', field {field}) is missing; the header has: {Quoted(string.Join(", ", table.Header))}"));
            }
        }
    }

    private TerritoryDefinition? ReadTerritory(CsvRow row)
    {
        var map = layout.Territories;
        var before = errors.Count + unreported;
        var id = Required(row, map, "id");
        var territory = new TerritoryDefinition(id ?? "", Required(row, map, "name") ?? "", Optional(row, map, "region"), Number(row, map, "annualQuota"));
        return Remember(territory, "territory", territory.Id, row, before);
    }

    private RepDefinition? ReadRep(CsvRow row)
    {
        var map = layout.Reps;
        var before = errors.Count + unreported;
        var role = Required(row, map, "role") switch
        {
            null => RepRole.Inside,
            { } text when CsvValues.Role(text) is { } known => known,
            { } text => Invalid(row, map, "role", RepRole.Inside, $"'{Quoted(text)}' {CsvValues.RoleProblem}"),
        };
        var rep = new RepDefinition(
            Required(row, map, "id") ?? "", Required(row, map, "name") ?? "", Required(row, map, "territoryId") ?? "", role,
            Location(row, map), Number(row, map, "sellingHoursPerWeek"), Number(row, map, "availability") ?? 1.0,
            Number(row, map, "experienceYears") ?? 0, Number(row, map, "annualQuota"), Date(row, map, "startDate"));
        return Remember(rep, "rep", rep.Id, row, before);
    }

    private AccountDefinition? ReadAccount(CsvRow row)
    {
        var map = layout.Accounts;
        var before = errors.Count + unreported;
        Segment? segment = Optional(row, map, "segment") switch
        {
            null => null,
            { } text when Enum.TryParse<Segment>(text.Trim().TrimStart("Tier ".ToCharArray()), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) => parsed,
            { } text => Invalid<Segment?>(row, map, "segment", null, $"'{Quoted(text)}' is not a segment (A, B or C)"),
        };
        var account = new AccountDefinition(
            Required(row, map, "id") ?? "", Required(row, map, "name") ?? "", Required(row, map, "territoryId") ?? "",
            Optional(row, map, "ownerRepId"), Required(row, map, "industry") ?? "", Required(row, map, "city") ?? "", Location(row, map),
            Number(row, map, "annualRevenue") ?? 0, Number(row, map, "annualCostToServe") ?? 0, Number(row, map, "revenuePotential"), segment,
            Employees: WholeNumber(row, map, "employees"));
        return Remember(account, "account", account.Id, row, before);
    }

    /// <summary>Keeps where the entity came from (for the validator's errors); the entity itself only if its line was clean.</summary>
    private T? Remember<T>(T definition, string entity, string id, CsvRow row, int errorsBefore) where T : class
    {
        if (!origins.TryGetValue((entity, id), out var lines))
        {
            origins[(entity, id)] = lines = [];
        }

        lines.Add((row.File, row.Line));
        if (!positions.TryGetValue(entity, out var read))
        {
            positions[entity] = read = [];
        }

        read.Add((row.File, row.Line));
        return errors.Count + unreported == errorsBefore ? definition : null;
    }

    private GeoPoint Location(CsvRow row, Dictionary<string, string> map) =>
        new(Number(row, map, "latitude", required: true) ?? 0, Number(row, map, "longitude", required: true) ?? 0);

    private string? Required(CsvRow row, Dictionary<string, string> map, string field)
    {
        var value = Optional(row, map, field);
        if (value is null && map.ContainsKey(field))
        {
            Add(new ValidationError(row.File, $"line {row.Line}", map[field], "is empty; a value is required"));
        }

        return value;
    }

    /// <summary>A cell's text; line breaks inside a quoted cell (CRMs keep them in names and addresses) become spaces, as names here are one line.</summary>
    private static string? Optional(CsvRow row, Dictionary<string, string> map, string field) =>
        row[map.GetValueOrDefault(field)]?.Replace("\r\n", " ").Replace('\n', ' ').Replace('\r', ' ');

    /// <summary>A date in one of the formats the layout declares (CRM exports mix them), read as UTC.</summary>
    private DateTimeOffset? Date(CsvRow row, Dictionary<string, string> map, string field)
    {
        if (Optional(row, map, field)?.Trim() is not { Length: > 0 } text)
        {
            return null;
        }

        return CsvValues.TryDate(text, layout.CompanyDateFormats, out var date)
            ? date
            : Invalid<DateTimeOffset?>(row, map, field, null,
                $"'{Quoted(text)}' is not a date in a format layout '{layout.Name}' declares ({string.Join(", ", layout.CompanyDateFormats)})");
    }

    private int? WholeNumber(CsvRow row, Dictionary<string, string> map, string field)
    {
        var number = Number(row, map, field);
        return number is null ? null
            : number is >= 0 and <= int.MaxValue && number == Math.Floor(number.Value) ? (int)number.Value
            : Invalid<int?>(row, map, field, null, $"{number.Value.ToString(CultureInfo.InvariantCulture)} is not a whole number of at least 0");
    }

    private double? Number(CsvRow row, Dictionary<string, string> map, string field, bool required = false)
    {
        var text = required ? Required(row, map, field) : Optional(row, map, field);
        if (text is null)
        {
            return null;
        }

        // CRM exports write currency and thousands separators: "$1,250,000.00".
        var cleaned = text.Replace(",", "", StringComparison.Ordinal).TrimStart('$', '€', '£').Trim();
        return double.TryParse(cleaned, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : Invalid<double?>(row, map, field, null, $"'{Quoted(text)}' is not a number");
    }

    private T Invalid<T>(CsvRow row, Dictionary<string, string> map, string field, T fallback, string message)
    {
        Add(new ValidationError(row.File, $"line {row.Line}", map[field], message));
        return fallback;
    }
}
