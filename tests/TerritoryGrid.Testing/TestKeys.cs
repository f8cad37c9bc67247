using TerritoryGrid.Server.Security;

namespace TerritoryGrid.Testing;

/// <summary>One API key per role for test servers, configured by hash exactly as an operator would.</summary>
public static class TestKeys
{
    public const string Admin = "tg_test-admin-key-0000000000000000000000000";
    public const string Viewer = "tg_test-viewer-key-000000000000000000000000";
    public const string Ingest = "tg_test-ingest-key-000000000000000000000000";
    public const string Planner = "tg_test-planner-key-00000000000000000000000";

    /// <summary>A viewer limited to territories "east" and "north" (one of each test company).</summary>
    public const string ScopedViewer = "tg_test-scoped-viewer-key-0000000000000000";

    /// <summary>A planner limited to region "West".</summary>
    public const string WestPlanner = "tg_test-west-planner-key-00000000000000000";

    public static readonly IReadOnlyDictionary<string, string> ByRole = new Dictionary<string, string>
    {
        [Roles.Admin] = Admin, [Roles.Viewer] = Viewer, [Roles.Ingest] = Ingest, [Roles.Planner] = Planner,
    };

    /// <summary>Settings configuring every key, by the names a silo reads (use "__" or ":" as the separator).</summary>
    public static Dictionary<string, string> Settings(string separator = ":")
    {
        var settings = new Dictionary<string, string>();
        var index = 0;
        foreach (var (role, key) in ByRole)
        {
            var prefix = $"Security{separator}ApiKeys{separator}{index++}{separator}";
            settings[prefix + "Name"] = $"test {role}";
            settings[prefix + "Role"] = role;
            settings[prefix + "Hash"] = ApiKeyHasher.Hash(key);
        }

        settings[$"Security{separator}ApiKeys{separator}{index}{separator}Name"] = "test scoped viewer";
        settings[$"Security{separator}ApiKeys{separator}{index}{separator}Role"] = Roles.Viewer;
        settings[$"Security{separator}ApiKeys{separator}{index}{separator}Hash"] = ApiKeyHasher.Hash(ScopedViewer);
        settings[$"Security{separator}ApiKeys{separator}{index}{separator}Territories{separator}0"] = "east";
        settings[$"Security{separator}ApiKeys{separator}{index++}{separator}Territories{separator}1"] = "north";
        settings[$"Security{separator}ApiKeys{separator}{index}{separator}Name"] = "test west planner";
        settings[$"Security{separator}ApiKeys{separator}{index}{separator}Role"] = Roles.Planner;
        settings[$"Security{separator}ApiKeys{separator}{index}{separator}Hash"] = ApiKeyHasher.Hash(WestPlanner);
        settings[$"Security{separator}ApiKeys{separator}{index}{separator}Regions{separator}0"] = "West";
        return settings;
    }

    /// <summary>A client of <paramref name="address"/> that sends <paramref name="key"/> (the admin key by default).</summary>
    public static HttpClient Client(Uri address, string key = Admin, TimeSpan? timeout = null)
    {
        var client = new HttpClient { BaseAddress = address, Timeout = timeout ?? TimeSpan.FromSeconds(100) };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        return client;
    }
}
