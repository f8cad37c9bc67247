using System.Text.Json.Nodes;

namespace TerritoryGrid.Durability.Tests;

/// <summary>A small company and deterministic orders, as JSON a client would post.</summary>
internal static class Company
{
    internal static readonly DateTimeOffset PlanStart = new(2026, 9, 1, 0, 0, 0, TimeSpan.Zero);

    public static JsonObject Create(int territories, int accountsPerTerritory)
    {
        var territoryList = new JsonArray();
        var reps = new JsonArray();
        var accounts = new JsonArray();
        for (var t = 0; t < territories; t++)
        {
            territoryList.Add(new JsonObject { ["id"] = $"t{t}", ["name"] = $"Territory {t}" });
            reps.Add(new JsonObject
            {
                ["id"] = $"r{t}", ["name"] = $"Rep {t}", ["territoryId"] = $"t{t}", ["role"] = "outside",
                ["home"] = new JsonObject { ["latitude"] = 45.0, ["longitude"] = 9.0 + t },
            });
            for (var a = 0; a < accountsPerTerritory; a++)
            {
                accounts.Add(new JsonObject
                {
                    ["id"] = $"t{t}-a{a}", ["name"] = $"Account {t}-{a}", ["territoryId"] = $"t{t}", ["ownerRepId"] = $"r{t}",
                    ["industry"] = "Retail", ["city"] = "Milano",
                    ["location"] = new JsonObject { ["latitude"] = 45.1, ["longitude"] = 9.0 + t },
                    ["annualRevenue"] = 1000.0 * (a + 1), ["annualCostToServe"] = 100.0 * a,
                });
            }
        }

        return new JsonObject
        {
            ["name"] = "Durable company", ["planStart"] = PlanStart.ToString("O"),
            ["territories"] = territoryList, ["reps"] = reps, ["accounts"] = accounts,
        };
    }

    /// <summary>Orders spread over every account of the company <see cref="Create"/> makes with 3×30 (or fewer).</summary>
    public static JsonArray Orders(int batch, int count)
    {
        var orders = new JsonArray();
        for (var i = 0; i < count; i++)
        {
            var n = batch * count + i;
            orders.Add(new JsonObject
            {
                ["id"] = $"order-{n}", ["kind"] = "order", ["occurredAt"] = PlanStart.AddHours(n).ToString("O"),
                ["accountId"] = $"t{n % 2}-a{n % 10}", ["repId"] = $"r{n % 2}", ["amount"] = 10.0 + n, ["cost"] = 1.0,
            });
        }

        return orders;
    }
}
