using System.Text.Json.Nodes;

namespace TerritoryGrid.Server.Tests.Api;

/// <summary>Companies and events as a CRM integration would post them: plain JSON.</summary>
internal static class TestData
{
    public const string PlanStart = "2026-09-01T00:00:00Z";

    public static JsonObject Company() => JsonNode.Parse("""
        {
          "name": "Worked example",
          "planStart": "2026-09-01T00:00:00Z",
          "territories": [
            { "id": "east", "name": "East", "region": "East", "annualQuota": 100000 },
            { "id": "west", "name": "West", "region": "West" },
            { "id": "central", "name": "Central" }
          ],
          "reps": [
            { "id": "ann", "name": "Ann", "territoryId": "east", "role": "outside", "home": { "latitude": 40.7, "longitude": -74.0 } },
            { "id": "bob", "name": "Bob", "territoryId": "west", "role": "inside", "home": { "latitude": 37.7, "longitude": -122.4 }, "availability": 0.5 },
            { "id": "cid", "name": "Cid", "territoryId": "central", "role": "inside", "home": { "latitude": 41.9, "longitude": -87.6 } }
          ],
          "accounts": [
            { "id": "A", "name": "Account A", "territoryId": "east", "ownerRepId": "ann", "industry": "Retail", "city": "New York", "location": { "latitude": 40.8, "longitude": -73.9 }, "annualRevenue": 65000, "annualCostToServe": 18000 },
            { "id": "B", "name": "Account B", "territoryId": "west", "ownerRepId": "bob", "industry": "Retail", "city": "Oakland", "location": { "latitude": 37.8, "longitude": -122.3 }, "annualRevenue": 60000, "annualCostToServe": 10000 },
            { "id": "C", "name": "Account C", "territoryId": "central", "ownerRepId": "cid", "industry": "Education", "city": "Chicago", "location": { "latitude": 41.8, "longitude": -87.7 }, "annualRevenue": 55000, "annualCostToServe": 4000 }
          ]
        }
        """)!.AsObject();

    public static JsonObject Event(string id, string kind, string accountId, int day, string? rep = null) =>
        new()
        {
            ["id"] = id,
            ["kind"] = kind,
            ["occurredAt"] = DateTimeOffset.Parse(PlanStart).AddDays(day).ToString("O"),
            ["accountId"] = accountId,
            ["repId"] = rep,
        };
}
