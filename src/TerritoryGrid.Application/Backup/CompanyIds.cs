using System.Text.Json.Nodes;

namespace TerritoryGrid.Application.Backup;

/// <summary>The ids of a company definition (as the workspace holds it, UTF-8 JSON): the grains a backup copies.</summary>
public sealed record CompanyIds(string[] Territories, string[] Reps, string[] Accounts)
{
    /// <summary>The ids in <paramref name="definitionJson"/>; <see cref="InvalidDataException"/> when it is not a company.</summary>
    public static CompanyIds Read(ReadOnlySpan<byte> definitionJson)
    {
        JsonObject company;
        try
        {
            company = JsonNode.Parse(definitionJson)?.AsObject() ?? throw new InvalidDataException("the company definition is null");
        }
        catch (Exception error) when (error is System.Text.Json.JsonException or InvalidOperationException)
        {
            throw new InvalidDataException($"the company definition is not a JSON object: {error.Message}");
        }

        return new CompanyIds(Ids(company, "territories"), Ids(company, "reps"), Ids(company, "accounts"));
    }

    /// <summary>These ids and <paramref name="territories"/> and <paramref name="reps"/> besides (the workspace's lists), each once.</summary>
    public CompanyIds With(IEnumerable<string> territories, IEnumerable<string> reps) =>
        this with
        {
            Territories = [.. Territories.Union(territories, StringComparer.Ordinal)],
            Reps = [.. Reps.Union(reps, StringComparer.Ordinal)],
        };

    private static string[] Ids(JsonObject company, string list) =>
        company[list] is JsonArray items
            ? [.. items.Select((item, i) => item?["id"]?.GetValue<string>() ?? throw new InvalidDataException($"{list}[{i}] has no id"))]
            : throw new InvalidDataException($"the company definition has no '{list}' list");
}
