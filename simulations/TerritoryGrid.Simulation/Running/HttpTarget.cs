using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using TerritoryGrid.Application;
using TerritoryGrid.Application.Companies;
using TerritoryGrid.Application.Queries;
using TerritoryGrid.Application.Roster;
using TerritoryGrid.Contracts.Activity;
using TerritoryGrid.Contracts.Metrics;
using TerritoryGrid.Domain.Company;

namespace TerritoryGrid.Simulator.Running;

/// <summary>
/// Live mode's target: a running TerritoryGrid, through its HTTP API, in a sandbox workspace (never the live one:
/// the simulator refuses it), so the dashboard can show the season unfolding beside the real company.
/// </summary>
public sealed class HttpTarget : ISimulationTarget
{
    private const int BatchSize = 5_000;
    private readonly HttpClient http;

    /// <param name="apiKey">A key with the ingest role, or planner (sandboxes only), sent as a bearer token.</param>
    public HttpTarget(Uri server, string workspace, string? apiKey = null)
    {
        if (workspace == WorkspaceName.Live || !WorkspaceName.IsValid(workspace))
        {
            throw new ArgumentException($"live mode writes into a sandbox workspace, not '{workspace}' (a name of {WorkspaceName.Rule}, other than 'live')", nameof(workspace));
        }

        http = new HttpClient { BaseAddress = server, Timeout = TimeSpan.FromMinutes(5) };
        if (!string.IsNullOrWhiteSpace(apiKey))
        {
            http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", apiKey);
        }
        Workspace = workspace;
    }

    public string Workspace { get; }

    public async Task LoadAsync(CompanyDefinition company, CancellationToken cancellationToken)
    {
        using var content = JsonContent.Create(company, options: TerritoryGridJson.Options);
        var response = await http.PutAsync($"/api/workspaces/{Workspace}/company", content, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Loading the company into '{Workspace}' failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }
    }

    public async Task<CompanyDefinition?> ReadCompanyAsync(string workspace, CancellationToken cancellationToken)
    {
        var response = await http.GetAsync($"/api/workspaces/{workspace}/company", cancellationToken);
        return response.IsSuccessStatusCode
            ? await response.Content.ReadFromJsonAsync<CompanyDefinition>(TerritoryGridJson.Options, cancellationToken)
            : null;
    }

    public async Task ApplyRosterAsync(IReadOnlyList<RosterChangeInput> changes, CancellationToken cancellationToken)
    {
        if (changes.Count == 0)
        {
            return;
        }

        using var content = JsonContent.Create(changes, options: TerritoryGridJson.Options);
        var response = await http.PostAsync($"/api/workspaces/{Workspace}/roster", content, cancellationToken);
        var result = await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken);
        if (result?["rejected"] is not JsonArray { Count: 0 })
        {
            throw new InvalidOperationException($"Roster changes refused: {result?.ToJsonString() ?? response.StatusCode.ToString()}");
        }
    }

    public async Task<(long Accepted, IReadOnlySet<int> Refused)> IngestAsync(IReadOnlyList<ActivityEvent> events, CancellationToken cancellationToken)
    {
        long accepted = 0;
        var refused = new HashSet<int>();
        var offset = 0;
        foreach (var batch in events.Chunk(BatchSize))
        {
            using var content = JsonContent.Create(batch, options: TerritoryGridJson.Options);
            var response = await http.PostAsync($"/api/workspaces/{Workspace}/activity", content, cancellationToken);
            var result = await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken)
                ?? throw new InvalidOperationException($"The server answered {(int)response.StatusCode} with no body");
            accepted += (long?)result["accepted"] ?? throw new InvalidOperationException($"Ingest failed: {result.ToJsonString()}");
            foreach (var rejected in result["rejected"]?.AsArray() ?? [])
            {
                refused.Add(offset + (int)rejected!["index"]!);
            }

            offset += batch.Length;
        }

        return (accepted, refused);
    }

    public async Task<IReadOnlyList<TerritoryMetrics>> TerritoriesAsync(CancellationToken cancellationToken)
    {
        var list = await http.GetFromJsonAsync<JsonObject>($"/api/workspaces/{Workspace}/territories", cancellationToken);
        return list!["territories"].Deserialize<List<TerritoryMetrics>>(TerritoryGridJson.Options)!;
    }

    /// <summary>The API has no call to hurry roll-ups: the runner waits for the server's flushes.</summary>
    public Task DeliverRollupsAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task<CompanyBalance> BalanceAsync(CancellationToken cancellationToken) =>
        (await http.GetFromJsonAsync<CompanyBalance>($"/api/workspaces/{Workspace}/balance", TerritoryGridJson.Options, cancellationToken))!;

    public ValueTask DisposeAsync()
    {
        http.Dispose();
        return ValueTask.CompletedTask;
    }
}
