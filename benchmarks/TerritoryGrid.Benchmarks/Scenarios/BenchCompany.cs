using System.Text.Json;
using System.Text.Json.Nodes;
using TerritoryGrid.Application;
using TerritoryGrid.Benchmarks.References;
using TerritoryGrid.Domain.Company;
using TerritoryGrid.Synthetic.Companies;

namespace TerritoryGrid.Benchmarks.Scenarios;

/// <summary>A generated company and random activity over it, as JSON batches and in the references' compact form.</summary>
internal sealed class BenchCompany
{
    private BenchCompany(CompanyDefinition company) => Company = company;

    public CompanyDefinition Company { get; }

    public static BenchCompany Generate(int territories, int reps, int accounts) =>
        new(CompanyGenerator.Generate(new CompanySpec
        {
            TerritoryCount = territories, RepCount = reps, AccountCount = accounts,
            PlanStart = DateTimeOffset.UtcNow.Date.AddDays(-30),
        }));

    public async Task LoadAsync(HttpClient http, string workspace)
    {
        using var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(Company, TerritoryGridJson.Options));
        content.Headers.ContentType = new("application/json");
        var response = await http.PutAsync($"/api/workspaces/{workspace}/company", content);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Loading the benchmark company failed: {await response.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>
    /// <paramref name="count"/> events over random accounts (70% calls by the owner, 30% orders), in event-time
    /// order within the last day, cut into batches of <paramref name="batchSize"/>: JSON bodies plus the compact form.
    /// </summary>
    public (List<byte[]> Batches, List<BenchEvent> Events, double Revenue) Activity(int count, int batchSize, int seed, string prefix)
    {
        var random = new Random(seed);
        var accountIndex = Company.Accounts.Select((a, i) => (a, i)).ToList();
        var repIndex = Company.Reps.Select((r, i) => (r.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var territoryIndex = Company.Territories.Select((t, i) => (t.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var start = DateTimeOffset.UtcNow.AddDays(-1);
        var events = new List<BenchEvent>(count);
        var batches = new List<byte[]>();
        var batch = new JsonArray();
        double revenue = 0;
        for (var n = 0; n < count; n++)
        {
            var (account, index) = accountIndex[random.Next(accountIndex.Count)];
            var order = random.NextDouble() < 0.3;
            var amount = order ? Math.Round(random.NextDouble() * 1000, 2) : 0;
            revenue += amount;
            var id = $"{prefix}-{n}";
            batch.Add(new JsonObject
            {
                ["id"] = id,
                ["kind"] = order ? "order" : "call",
                ["occurredAt"] = start.AddMilliseconds(n * 86_400_000.0 / count).ToString("O"),
                ["accountId"] = account.Id,
                ["repId"] = account.OwnerRepId,
                ["amount"] = amount,
            });
            events.Add(new BenchEvent(index, repIndex[account.OwnerRepId!], territoryIndex[account.TerritoryId], amount, (ulong)id.GetHashCode()));
            if (batch.Count == batchSize || n == count - 1)
            {
                batches.Add(JsonSerializer.SerializeToUtf8Bytes(batch));
                batch = [];
            }
        }

        return (batches, events, revenue);
    }
}
