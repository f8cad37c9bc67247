using TerritoryGrid.Domain.Geography;

namespace TerritoryGrid.Domain.Company;

/// <summary>
/// Validates a whole company before anything is applied. Every problem is reported, each naming the entity, its id
/// (or index when the id itself is missing) and the field.
/// </summary>
public static class CompanyValidator
{
    public const int MaxIdLength = 128;
    public const int MaxNameLength = 256;

    public static IReadOnlyList<ValidationError> Validate(CompanyDefinition? company)
    {
        var errors = new List<ValidationError>();
        if (company is null)
        {
            errors.Add(new ValidationError("company", "", "body", "a company with territories, reps and accounts is required"));
            return errors;
        }

        if (string.IsNullOrWhiteSpace(company.Name))
        {
            errors.Add(new ValidationError("company", "", "name", "is required"));
        }

        if (company.FiscalYearStartMonth is { } month && month is < 1 or > 12)
        {
            errors.Add(new ValidationError("company", company.Name ?? "", "fiscalYearStartMonth", $"must be a month from 1 to 12, not {month}"));
        }

        if (company.Currency is { } currency && Commercial.CurrencyCode.Parse(currency).Problem is { } problem)
        {
            errors.Add(new ValidationError("company", company.Name ?? "", "currency", problem));
        }

        var territories = company.Territories ?? [];
        var reps = company.Reps ?? [];
        var accounts = company.Accounts ?? [];
        if (territories.Count == 0)
        {
            errors.Add(new ValidationError("company", company.Name ?? "", "territories", "at least one territory is required"));
        }

        var territoryIds = CheckIds(territories, t => t?.Id, "territory", errors);
        for (var i = 0; i < territories.Count; i++)
        {
            if (territories[i] is { } t)
            {
                CheckName("territory", Label(t.Id, i), t.Name, errors);
                CheckOptionalAmount("territory", Label(t.Id, i), "annualQuota", t.AnnualQuota, errors);
            }
        }

        var repTerritory = new Dictionary<string, string>(StringComparer.Ordinal);
        var repIds = CheckIds(reps, r => r?.Id, "rep", errors);
        for (var i = 0; i < reps.Count; i++)
        {
            if (reps[i] is not { } rep)
            {
                continue;
            }

            var label = Label(rep.Id, i);
            CheckName("rep", label, rep.Name, errors);
            if (string.IsNullOrWhiteSpace(rep.TerritoryId))
            {
                errors.Add(new ValidationError("rep", label, "territoryId", "every rep needs a territory"));
            }
            else if (!territoryIds.Contains(rep.TerritoryId))
            {
                errors.Add(new ValidationError("rep", label, "territoryId", $"unknown territory '{rep.TerritoryId}'"));
            }
            else if (!string.IsNullOrEmpty(rep.Id))
            {
                repTerritory.TryAdd(rep.Id, rep.TerritoryId);
            }

            CheckPoint("rep", label, "home", rep.Home, errors);
            CheckEnum("rep", label, "role", rep.Role, errors);
            CheckOptionalAmount("rep", label, "sellingHoursPerWeek", rep.SellingHoursPerWeek, errors, max: 168);
            if (!double.IsFinite(rep.Availability) || rep.Availability is < 0 or > 1)
            {
                errors.Add(new ValidationError("rep", label, "availability", "must be between 0 and 1"));
            }

            if (!double.IsFinite(rep.ExperienceYears) || rep.ExperienceYears is < 0 or > 80)
            {
                errors.Add(new ValidationError("rep", label, "experienceYears", "must be between 0 and 80"));
            }

            CheckOptionalAmount("rep", label, "annualQuota", rep.AnnualQuota, errors);
        }

        ValidateAccounts(accounts, territoryIds, repIds, repTerritory, errors);
        return errors;
    }

    private static void ValidateAccounts(
        IReadOnlyList<AccountDefinition> accounts,
        HashSet<string> territoryIds,
        HashSet<string> repIds,
        Dictionary<string, string> repTerritory,
        List<ValidationError> errors)
    {
        var territoryOfAccount = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < accounts.Count; i++)
        {
            if (accounts[i] is not { } account)
            {
                errors.Add(new ValidationError("account", $"#{i}", "", "is null"));
                continue;
            }

            var label = Label(account.Id, i);
            if (!CheckId("account", i, account.Id, errors))
            {
                // Reported by CheckId.
            }
            else if (territoryOfAccount.TryGetValue(account.Id, out var firstTerritory))
            {
                errors.Add(firstTerritory != account.TerritoryId
                    ? new ValidationError("account", label, "territoryId",
                        $"account is in two territories ('{firstTerritory}' and '{account.TerritoryId}'); every account belongs to exactly one")
                    : new ValidationError("account", label, "id", "duplicate id"));
            }
            else
            {
                territoryOfAccount[account.Id] = account.TerritoryId ?? "";
            }

            CheckName("account", label, account.Name, errors);
            if (string.IsNullOrWhiteSpace(account.TerritoryId))
            {
                errors.Add(new ValidationError("account", label, "territoryId", "every account needs a territory"));
            }
            else if (!territoryIds.Contains(account.TerritoryId))
            {
                errors.Add(new ValidationError("account", label, "territoryId", $"unknown territory '{account.TerritoryId}'"));
            }

            if (account.OwnerRepId is { } owner)
            {
                if (!repIds.Contains(owner))
                {
                    errors.Add(new ValidationError("account", label, "ownerRepId", $"unknown rep '{owner}'"));
                }
                else if (repTerritory.TryGetValue(owner, out var ownerTerritory) && ownerTerritory != account.TerritoryId)
                {
                    errors.Add(new ValidationError("account", label, "ownerRepId",
                        $"rep '{owner}' belongs to territory '{ownerTerritory}', not the account's territory '{account.TerritoryId}'"));
                }
            }

            CheckText("account", label, "industry", account.Industry, errors);
            CheckText("account", label, "city", account.City, errors);
            CheckPoint("account", label, "location", account.Location, errors);
            CheckAmount("account", label, "annualRevenue", account.AnnualRevenue, errors);
            CheckAmount("account", label, "annualCostToServe", account.AnnualCostToServe, errors);
            CheckOptionalAmount("account", label, "revenuePotential", account.RevenuePotential, errors);
            if (account.Segment is { } segment)
            {
                CheckEnum("account", label, "segment", segment, errors);
            }

            CheckEnum("account", label, "stage", account.Stage, errors);
        }
    }

    private static HashSet<string> CheckIds<T>(IReadOnlyList<T> items, Func<T, string?> id, string entity, List<ValidationError> errors)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is null)
            {
                errors.Add(new ValidationError(entity, $"#{i}", "", "is null"));
                continue;
            }

            var value = id(items[i]);
            if (CheckId(entity, i, value, errors) && !seen.Add(value!))
            {
                errors.Add(new ValidationError(entity, value!, "id", "duplicate id"));
            }
        }

        return seen;
    }

    private static bool CheckId(string entity, int index, string? id, List<ValidationError> errors)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            errors.Add(new ValidationError(entity, $"#{index}", "id", "is required"));
            return false;
        }

        // Invisible format characters (a byte-order mark, a direction override, zero-width joiners) make ids that look
        // alike but differ, or read differently from what they are.
        if (id.Length > MaxIdLength || id.Any(c => char.IsControl(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format)
            || id.Contains(':') || id.Contains('/'))
        {
            errors.Add(new ValidationError(entity, $"#{index}", "id",
                $"must be at most {MaxIdLength} characters, without control or invisible format characters, ':' or '/'"));
            return false;
        }

        return true;
    }

    private static void CheckName(string entity, string id, string? name, List<ValidationError> errors) =>
        CheckText(entity, id, "name", name, errors);

    private static void CheckText(string entity, string id, string field, string? text, List<ValidationError> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(new ValidationError(entity, id, field, "is required"));
        }
        else if (text.Length > MaxNameLength || text.Any(c => char.IsControl(c)))
        {
            errors.Add(new ValidationError(entity, id, field, $"must be at most {MaxNameLength} characters without control characters"));
        }
    }

    private static void CheckPoint(string entity, string id, string field, GeoPoint point, List<ValidationError> errors)
    {
        if (!point.IsValid)
        {
            errors.Add(new ValidationError(entity, id, field,
                $"bad coordinates ({point.Latitude}, {point.Longitude}): latitude must be in [-90, 90] and longitude in [-180, 180]"));
        }
    }

    private static void CheckAmount(string entity, string id, string field, double value, List<ValidationError> errors)
    {
        if (!double.IsFinite(value) || value < 0 || value > 1e15)
        {
            errors.Add(new ValidationError(entity, id, field, "must be a finite amount between 0 and 1e15"));
        }
    }

    private static void CheckOptionalAmount(
        string entity, string id, string field, double? value, List<ValidationError> errors, double max = 1e15)
    {
        if (value is { } v && (!double.IsFinite(v) || v < 0 || v > max))
        {
            errors.Add(new ValidationError(entity, id, field, $"must be a finite number between 0 and {max}"));
        }
    }

    private static void CheckEnum<TEnum>(string entity, string id, string field, TEnum value, List<ValidationError> errors)
        where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            errors.Add(new ValidationError(entity, id, field,
                $"unknown value '{value}'; expected one of {string.Join(", ", Enum.GetNames<TEnum>())}"));
        }
    }

    private static string Label(string? id, int index) => string.IsNullOrWhiteSpace(id) ? $"#{index}" : id;
}
