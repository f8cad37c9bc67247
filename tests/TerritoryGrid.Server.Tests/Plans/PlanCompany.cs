using System.Text.Json.Nodes;

namespace TerritoryGrid.Server.Tests.Plans;

/// <summary>Six territories of one region, two reps each, a hundred accounts per territory shared by its reps.</summary>
internal static class PlanCompany
{
    public const int Territories = 6;
    public const int AccountsPerTerritory = 100;
    public static readonly DateTimeOffset PlanStart = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    public static string Territory(int t) => $"t{t}";

    public static string Rep(int t, int r) => $"t{t}-r{r}";

    public static string Account(int t, int a) => $"t{t}-a{a}";

    public static JsonObject Create() => new()
    {
        ["name"] = "Plan test company",
        ["planStart"] = PlanStart.ToString("O"),
        ["territories"] = new JsonArray([.. Enumerable.Range(0, Territories).Select(t => (JsonNode)new JsonObject
        {
            ["id"] = Territory(t), ["name"] = $"Territory {t}", ["region"] = "North",
        })]),
        ["reps"] = new JsonArray([.. Enumerable.Range(0, Territories).SelectMany(t => Enumerable.Range(0, 2).Select(r => (JsonNode)new JsonObject
        {
            ["id"] = Rep(t, r), ["name"] = $"Rep {t}.{r}", ["territoryId"] = Territory(t), ["role"] = "inside",
            ["home"] = new JsonObject { ["latitude"] = 45 + t, ["longitude"] = -90 + r },
        }))]),
        ["accounts"] = new JsonArray([.. Enumerable.Range(0, Territories).SelectMany(t => Enumerable.Range(0, AccountsPerTerritory).Select(a => (JsonNode)new JsonObject
        {
            ["id"] = Account(t, a), ["name"] = $"Account {t}.{a}", ["territoryId"] = Territory(t), ["ownerRepId"] = Rep(t, a % 2),
            ["industry"] = "Retail", ["city"] = "Town", ["location"] = new JsonObject { ["latitude"] = 45.1 + t, ["longitude"] = -90.1 },
            ["annualRevenue"] = 1_000 * (a + 1), ["annualCostToServe"] = 100,
        }))]),
    };
}
