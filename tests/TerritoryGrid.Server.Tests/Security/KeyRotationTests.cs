using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using TerritoryGrid.Server.Security;
using TerritoryGrid.Testing;

namespace TerritoryGrid.Server.Tests.Security;

/// <summary>Keys are rotated by editing the keys file: added keys work and revoked keys (and their sessions) stop, with no restart.</summary>
public sealed class KeyRotationTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("tg-keys-").FullName;
    private readonly CapturedLogs logs = new();

    private string KeysFile => Path.Combine(directory, "api-keys.json");

    private sealed class RotatingServer(string keysFile, CapturedLogs logs) : TestServer
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Security:KeysFile", keysFile);
            builder.UseSetting("Security:KeysFileCheckInterval", "00:00:00.050");
            builder.ConfigureLogging(logging => logging.AddProvider(logs));
        }
    }

    [Fact]
    public async Task AChangedKeysFile_AddsAndRevokesKeys_AndEndsTheRevokedKeysSessions_WithoutARestart()
    {
        var first = ApiKeyHasher.NewKey();
        var second = ApiKeyHasher.NewKey();
        Write(("first", first));
        await using var server = new RotatingServer(KeysFile, logs);
        using var firstCaller = Caller(server, first);
        using var secondCaller = Caller(server, second);
        using var session = Caller(server, key: null);
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(firstCaller));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(secondCaller));
        Assert.Equal(HttpStatusCode.OK, (await session.PostAsJsonAsync("/api/session", new { key = first })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(session));

        Write(("second", second));
        await UntilAsync(async () => await StatusAsync(secondCaller) == HttpStatusCode.OK, "the added key was never accepted");

        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(firstCaller));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(session));
        // The reload is logged just after the new keys take effect.
        await UntilAsync(() => Task.FromResult(logs.Entries.Any(e => e.Message.Contains("added: second; revoked: first", StringComparison.Ordinal))), "the reload was not logged");
        using var configured = Caller(server, TestKeys.Viewer);
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(configured));
    }

    [Fact]
    public async Task ABrokenOrUnreadableKeysFile_IsRefused_AndTheKeysInForceStay()
    {
        var key = ApiKeyHasher.NewKey();
        Write(("kept", key));
        await using var server = new RotatingServer(KeysFile, logs);
        using var caller = Caller(server, key);
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(caller));

        File.WriteAllText(KeysFile, """[{"name":"half-written","role":"admin","ha""");
        await UntilAsync(() => Task.FromResult(logs.Entries.Any(e => e.Message.Contains("were not applied", StringComparison.Ordinal))), "the broken file was never noticed");
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(caller));

        File.WriteAllText(KeysFile, """[{"name":"no role","role":"superuser","hash":"sha256:00"}]""");
        await UntilAsync(() => Task.FromResult(logs.Entries.Any(e => e.Message.Contains("Role 'superuser' is not one of", StringComparison.Ordinal))), "the invalid entry was never reported");
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(caller));

        // A path that cannot be read at all (here a directory where the file was): the server stays up, the keys stay.
        File.Delete(KeysFile);
        Directory.CreateDirectory(KeysFile);
        await UntilAsync(() => Task.FromResult(logs.Entries.Any(e => e.Message.Contains("cannot be read", StringComparison.Ordinal))), "the unreadable file was never reported");
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(caller));
    }

    [Fact]
    public async Task KeysInAReloadedConfiguration_TakeEffect_WithoutARestart()
    {
        var key = ApiKeyHasher.NewKey();
        var settings = new ReloadableSettings();
        await using var server = new ConfiguredServer(settings, logs);
        using var caller = Caller(server, key);
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(caller));

        settings.Apply(new()
        {
            ["Security:ApiKeys:30:Name"] = "from configuration", ["Security:ApiKeys:30:Role"] = Roles.Viewer, ["Security:ApiKeys:30:Hash"] = ApiKeyHasher.Hash(key),
        });
        await UntilAsync(async () => await StatusAsync(caller) == HttpStatusCode.OK, "the configured key was never accepted");

        settings.Apply([]);
        await UntilAsync(async () => await StatusAsync(caller) == HttpStatusCode.Unauthorized, "the key removed from the configuration was never revoked");
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    /// <summary>A configuration source that changes and announces a reload, as appsettings.json does when edited.</summary>
    private sealed class ReloadableSettings : Microsoft.Extensions.Configuration.ConfigurationProvider, Microsoft.Extensions.Configuration.IConfigurationSource
    {
        public Microsoft.Extensions.Configuration.IConfigurationProvider Build(Microsoft.Extensions.Configuration.IConfigurationBuilder builder) => this;

        public void Apply(Dictionary<string, string?> settings)
        {
            Data = new Dictionary<string, string?>(settings, StringComparer.OrdinalIgnoreCase);
            OnReload();
        }
    }

    private sealed class ConfiguredServer(ReloadableSettings settings, CapturedLogs logs) : TestServer
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Security:KeysFileCheckInterval", "00:00:00.050");
            builder.ConfigureAppConfiguration(configuration => configuration.Add(settings));
            builder.ConfigureLogging(logging => logging.AddProvider(logs));
        }
    }

    /// <summary>Replaced as a deployment would: written beside it, then renamed over it.</summary>
    private void Write(params (string Name, string Key)[] keys)
    {
        var next = KeysFile + ".next";
        File.WriteAllText(next, JsonSerializer.Serialize(keys.Select(k => new { name = k.Name, role = Roles.Viewer, hash = ApiKeyHasher.Hash(k.Key) })));
        File.Move(next, KeysFile, overwrite: true);
    }

    private static HttpClient Caller(TestServer server, string? key)
    {
        var client = server.CreateClient();
        client.DefaultRequestHeaders.Authorization = key is null ? null : new("Bearer", key);
        return client;
    }

    private static async Task<HttpStatusCode> StatusAsync(HttpClient client) => (await client.GetAsync("/api/workspaces")).StatusCode;

    /// <summary>Waits for the reloader (it checks every 50 ms here); the deadline only keeps a broken reload from hanging the run.</summary>
    private static async Task UntilAsync(Func<Task<bool>> done, string failure)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await done())
        {
            Assert.True(DateTime.UtcNow < deadline, failure);
            await Task.Delay(20);
        }
    }
}
