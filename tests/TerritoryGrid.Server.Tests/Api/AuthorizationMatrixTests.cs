using System.Net;
using System.Text;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using TerritoryGrid.Server.Security;
using TerritoryGrid.Testing;

namespace TerritoryGrid.Server.Tests.Api;

/// <summary>
/// Every endpoint × every role, no credentials and a wrong key → the expected status. The table below is written by
/// hand; a test fails when the server has an endpoint the table does not cover, so a new endpoint must state its role.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class AuthorizationMatrixTests(ServerFixture server)
{
    /// <summary>Who may call what. "write" = ingest anywhere, planner in a sandbox; "any" = any valid key.</summary>
    private static readonly Dictionary<string, string> Required = new()
    {
        ["GET /api/workspaces"] = Roles.Viewer,
        ["GET /api/workspaces/{workspace}/"] = Roles.Viewer,
        ["GET /api/workspaces/{workspace}/alignment"] = Roles.Viewer,
        ["PUT /api/workspaces/{workspace}/company"] = "write",
        ["GET /api/workspaces/{workspace}/company"] = Roles.Viewer,
        ["PUT /api/workspaces/{workspace}/company/csv"] = "write",
        ["GET /api/workspaces/{workspace}/settings"] = Roles.Viewer,
        ["PUT /api/workspaces/{workspace}/settings"] = "write",
        ["GET /api/workspaces/{workspace}/quotas"] = Roles.Viewer,
        ["POST /api/workspaces/{workspace}/quotas"] = "write",
        ["POST /api/workspaces/{workspace}/quotas/csv"] = "write",
        ["GET /api/workspaces/{workspace}/products"] = Roles.Viewer,
        ["PUT /api/workspaces/{workspace}/products"] = "write",
        ["PUT /api/workspaces/{workspace}/products/csv"] = "write",
        ["POST /api/workspaces/{workspace}/company/csv/sync"] = "write",
        ["POST /api/workspaces/{workspace}/company/copy"] = "write",
        ["POST /api/workspaces/{workspace}/activity"] = "write",
        ["POST /api/workspaces/{workspace}/activity/csv"] = "write",
        ["POST /api/workspaces/{workspace}/roster"] = "write",
        ["POST /api/workspaces/{workspace}/roster/csv"] = "write",
        ["GET /api/workspaces/{workspace}/territories"] = Roles.Viewer,
        ["GET /api/workspaces/{workspace}/territories/{territoryId}"] = Roles.Viewer,
        ["GET /api/workspaces/{workspace}/reps/{repId}"] = Roles.Viewer,
        ["GET /api/workspaces/{workspace}/accounts/{accountId}"] = Roles.Viewer,
        ["GET /api/workspaces/{workspace}/balance"] = Roles.Viewer,
        ["GET /api/workspaces/{workspace}/map"] = Roles.Viewer,
        ["POST /api/session/"] = "anonymous",
        ["GET /api/session/"] = "any",
        ["DELETE /api/session/"] = "anonymous",
        ["GET /openapi/{documentName}.json"] = "anonymous",
        ["GET /api/workspaces/{workspace}/export/accounts.csv"] = Roles.Viewer,
        ["GET /api/workspaces/{workspace}/export/territories.csv"] = Roles.Viewer,
        ["GET /api/workspaces/{workspace}/export/reps.csv"] = Roles.Viewer,
        ["GET /api/workspaces/{workspace}/backup"] = Roles.Admin,
        ["POST /api/workspaces/{workspace}/restore"] = Roles.Admin,
        ["POST /api/workspaces/{workspace}/alerts/{territoryId}/acknowledge"] = Roles.Viewer,
        ["GET /api/workspaces/{workspace}/alerts/acknowledged"] = Roles.Viewer,
        ["POST /api/workspaces/{workspace}/plans/"] = Roles.Planner,
        ["GET /api/workspaces/{workspace}/plans/"] = Roles.Planner,
        ["POST /api/workspaces/{workspace}/plans/csv"] = Roles.Planner,
        ["POST /api/workspaces/{workspace}/plans/propose"] = Roles.Planner,
        ["GET /api/workspaces/{workspace}/plans/{planId}"] = Roles.Planner,
        ["POST /api/workspaces/{workspace}/plans/{planId}/check"] = Roles.Planner,
        ["POST /api/workspaces/{workspace}/plans/{planId}/approve"] = Roles.Planner,
        ["POST /api/workspaces/{workspace}/plans/{planId}/schedule"] = Roles.Planner,
        ["POST /api/workspaces/{workspace}/plans/{planId}/apply"] = Roles.Admin,
        ["POST /api/workspaces/{workspace}/plans/{planId}/rollback"] = Roles.Planner,
        ["GET /api/workspaces/{workspace}/plans/{planId}/moves.csv"] = Roles.Planner,
        ["POST /api/workspaces/{workspace}/stress-tests/"] = Roles.Planner,
        ["GET /api/workspaces/{workspace}/stress-tests/"] = Roles.Planner,
        ["GET /api/workspaces/{workspace}/stress-tests/{testId}"] = Roles.Planner,
        ["GET /api/workspaces/{workspace}/stress-tests/{testId}/comparison.csv"] = Roles.Planner,
        ["GET /api/workspaces/{workspace}/stress-tests/{testId}/comparison.html"] = Roles.Planner,
        ["POST /api/workspaces/{workspace}/rebuild/"] = Roles.Admin,
        ["GET /api/workspaces/{workspace}/rebuild/"] = Roles.Viewer,
        ["GET /health/live"] = "anonymous",
        ["GET /metrics"] = Roles.Admin,
        ["GET /health/ready"] = "anonymous",
    };

    public static TheoryData<string> Callers => ["none", "wrong key", .. Roles.All];

    [Fact]
    public void EveryEndpointHasAnExpectedRole()
    {
        var missing = Endpoints().Select(e => e.Key).Where(k => !Required.ContainsKey(k) && !IsOrleansDashboard(k) && !IsHubTransport(k)).ToArray();
        Assert.True(missing.Length == 0, "endpoints with no expected role in the matrix: " + string.Join(", ", missing));
    }

    [Theory]
    [MemberData(nameof(Callers))]
    public async Task EveryEndpoint_AnswersTheCallerAsItsRoleAllows(string caller)
    {
        var failures = new List<string>();
        foreach (var (key, method, path) in Endpoints())
        {
            var required = IsOrleansDashboard(key) ? Roles.Admin : IsHubTransport(key) ? Roles.Viewer : Required[key];
            foreach (var workspace in new[] { "live", "sandbox" })
            {
                var status = await SendAsync(caller, method, path.Replace("{workspace}", workspace));
                var expected = Expected(required, caller, workspace);
                var ok = expected switch
                {
                    "allowed" => status is not HttpStatusCode.Unauthorized and not HttpStatusCode.Forbidden,
                    "401" => status == HttpStatusCode.Unauthorized,
                    _ => status == HttpStatusCode.Forbidden,
                };
                if (!ok)
                {
                    failures.Add($"{method} {path} ({workspace}) as {caller}: {(int)status}, expected {expected}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>
    /// The OpenAPI document tells a client developer who may call each operation; it must say what the matrix
    /// (and so the server) enforces, and every API operation in the matrix must be in the document.
    /// </summary>
    [Fact]
    public async Task EveryOpenApiOperation_StatesTheRoleItRequires()
    {
        using var client = server.CreateClient();
        var document = System.Text.Json.Nodes.JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!;
        var documented = new List<string>();
        var failures = new List<string>();
        foreach (var (path, operations) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in operations!.AsObject())
            {
                var key = $"{method.ToUpperInvariant()} {path.TrimEnd('/')}";
                documented.Add(key);
                var required = IsOrleansDashboard(key) ? Roles.Admin : Required.FirstOrDefault(r => r.Key.TrimEnd('/') == key).Value;
                var description = (string?)operation!["description"] ?? "";
                if (required is null)
                {
                    failures.Add($"{key}: not in the matrix ({description})");
                }
                else if (!description.EndsWith($"Requires role: {Stated(required)}.", StringComparison.Ordinal))
                {
                    failures.Add($"{key}: expected 'Requires role: {Stated(required)}.', the description is '{description}'");
                }
            }
        }

        var undocumented = Required.Keys.Where(k => k.Split(' ')[1].StartsWith("/api/", StringComparison.Ordinal))
            .Select(k => k.TrimEnd('/')).Except(documented);
        failures.AddRange(undocumented.Select(k => $"{k}: missing from the OpenAPI document"));
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static string Stated(string required) => required switch
    {
        "anonymous" => "none (anonymous)",
        "any" => "any signed-in role",
        "write" => WorkspaceWriteRequirement.Description,
        _ => required,
    };

    private static string Expected(string required, string caller, string workspace)
    {
        if (required == "anonymous")
        {
            return "allowed";
        }

        if (caller is "none" or "wrong key")
        {
            return "401";
        }

        var allowed = required switch
        {
            "any" => true,
            "write" => caller is Roles.Ingest or Roles.Admin || (caller == Roles.Planner && workspace != "live"),
            _ => Roles.Satisfying(required).Contains(caller),
        };
        return allowed ? "allowed" : "403";
    }

    private async Task<HttpStatusCode> SendAsync(string caller, string method, string path)
    {
        using var client = server.CreateClient();
        client.DefaultRequestHeaders.Authorization = caller switch
        {
            "none" => null,
            "wrong key" => new("Bearer", "tg_wrong"),
            _ => new("Bearer", TestKeys.ByRole[caller]),
        };
        // Any route value will do ("1" also satisfies {page:int}): only the authorization decision is under test.
        var concrete = System.Text.RegularExpressions.Regex.Replace(path.Replace("{documentName}", "v1"), @"\{[^}]+\}", "1");
        using var request = new HttpRequestMessage(new HttpMethod(method), concrete);
        if (method is "POST" or "PUT")
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }

        // Headers are enough (some operator endpoints stream their body).
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        return response.StatusCode;
    }

    private IEnumerable<(string Key, string Method, string Path)> Endpoints()
    {
        using var _ = server.CreateClient();
        foreach (var endpoint in server.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var path = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            // SignalR's negotiate endpoint declares no method; clients POST to it.
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? (path.EndsWith("/negotiate", StringComparison.Ordinal) ? ["POST"] : ["GET"]);
            foreach (var method in methods)
            {
                yield return ($"{method} {path}", method, path);
            }
        }
    }

    private static bool IsOrleansDashboard(string key) => key.Split(' ')[1].StartsWith("/orleans", StringComparison.Ordinal);

    private static bool IsHubTransport(string key) => key.Split(' ')[1].StartsWith("/hubs/territories", StringComparison.Ordinal);
}
