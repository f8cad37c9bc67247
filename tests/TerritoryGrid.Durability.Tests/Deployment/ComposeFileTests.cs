using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Npgsql;
using TerritoryGrid.Domain;
using TerritoryGrid.Durability.Tests.Cluster;
using TerritoryGrid.Server.Demo;
using TerritoryGrid.Server.Hosting;
using TerritoryGrid.Server.Security;

namespace TerritoryGrid.Durability.Tests.Deployment;

/// <summary>
/// docker-compose.yml cannot be run here, so it is checked against the application: every variable it sets is one the
/// application reads, every file it names exists, every service the configuration points at is defined, and the silos
/// run with the settings the cluster tests exercise.
/// </summary>
public sealed class ComposeFileTests
{
    private static readonly Dictionary<string, Type> OptionSections = new(StringComparer.OrdinalIgnoreCase)
    {
        [StorageOptions.SectionName] = typeof(StorageOptions),
        [OrleansHostingOptions.SectionName] = typeof(OrleansHostingOptions),
        [DemoCompanyOptions.SectionName] = typeof(DemoCompanyOptions),
        [MetricsOptions.SectionName] = typeof(MetricsOptions),
    };

    private static readonly string[] ConnectionStrings = [OrleansHostingExtensions.PostgresConnectionName, DashboardExtensions.RedisConnectionName];

    private readonly ComposeFile compose = ComposeFile.Load();

    [Fact]
    public void ThreeSilosBehindOneFrontDoor_OnlyTheFrontDoorPublishesAPort()
    {
        Assert.Equal(["silo1", "silo2", "silo3"], compose.Silos().Order());
        var publishing = compose.ServiceNames.Where(s => ComposeFile.Child(compose.Service(s), "ports") is not null).ToArray();
        Assert.Equal(["proxy"], publishing);
    }

    [Fact]
    public void EveryBuildContextDockerfileAndMountedFileExists()
    {
        foreach (var (service, context, dockerfile) in compose.Builds())
        {
            Assert.True(Directory.Exists(Path.Combine(compose.Root, context)), $"{service}: build context {context} does not exist");
            Assert.True(File.Exists(Path.Combine(compose.Root, context, dockerfile)), $"{service}: {dockerfile} does not exist");
        }

        foreach (var service in compose.ServiceNames)
        {
            foreach (var mount in ComposeFile.Sequence(compose.Service(service), "volumes").Where(v => v.StartsWith("./", StringComparison.Ordinal)))
            {
                var source = mount.Split(':')[0];
                Assert.True(Path.Exists(Path.Combine(compose.Root, source)), $"{service}: mounted {source} does not exist");
            }
        }
    }

    [Fact]
    public void EverySiloVariableIsOneTheApplicationReads_WithAValueItAccepts()
    {
        foreach (var silo in compose.Silos())
        {
            foreach (var (name, value) in ComposeFile.Environment(compose.Service(silo)))
            {
                var parts = name.Split("__");
                if (name == "Urls")
                {
                    Assert.Matches(@"^http://0\.0\.0\.0:\d+$", value);
                }
                else if (parts is ["Security", "ApiKeys", var index, var field])
                {
                    Assert.True(int.TryParse(index, out _), $"{silo}: {name}: '{index}' is not a list index");
                    Assert.True(typeof(ApiKeyEntry).GetProperty(field) is not null, $"{silo}: {name} names no field of an API key");
                    if (field == "Hash")
                    {
                        Assert.Matches(@"^\$\{[A-Z_]+:\?.+\}$", value);
                    }
                }
                else if (parts is ["ConnectionStrings", var connection])
                {
                    Assert.Contains(connection, ConnectionStrings);
                }
                else
                {
                    Type? options = null;
                    Assert.True(parts.Length == 2 && OptionSections.TryGetValue(parts[0], out options), $"{silo}: {name} is not a setting TerritoryGrid reads");
                    var property = options!.GetProperty(parts[1], BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
                    Assert.True(property is { CanWrite: true }, $"{silo}: {name} names no setting of {options.Name}");
                    var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
                    Assert.True(type != typeof(bool) || bool.TryParse(value, out _), $"{silo}: {name}={value} is not true/false");
                    if (type.IsEnum)
                    {
                        Assert.True(Enum.TryParse(type, value, ignoreCase: true, out _), $"{silo}: {name}={value} is not one of {string.Join(", ", Enum.GetNames(type))}");
                    }
                }
            }
        }
    }

    [Fact]
    public void TheServicesTheSilosPointAtAreDefined_WithMatchingCredentials()
    {
        foreach (var silo in compose.Silos())
        {
            var environment = ComposeFile.Environment(compose.Service(silo));
            Assert.Equal("Postgres", environment["Storage__Provider"]);

            var postgres = new NpgsqlConnectionStringBuilder(environment["ConnectionStrings__Postgres"]);
            var database = compose.Service(postgres.Host!);
            Assert.StartsWith("postgres:", ComposeFile.Scalar(database, "image"));
            var databaseEnvironment = ComposeFile.Environment(database);
            Assert.Equal(databaseEnvironment["POSTGRES_USER"], postgres.Username);
            Assert.Equal(databaseEnvironment["POSTGRES_PASSWORD"], postgres.Password);
            Assert.Equal(databaseEnvironment["POSTGRES_DB"], postgres.Database);
            Assert.Contains(postgres.Host!, Depends(silo));

            var redisHost = environment["ConnectionStrings__Redis"].Split(':')[0];
            Assert.StartsWith("redis:", ComposeFile.Scalar(compose.Service(redisHost), "image"));
            Assert.Contains(redisHost, Depends(silo));
        }
    }

    [Fact]
    public void TheFrontDoorSendsToEverySilo_OnTheirPort_StickyForSignalR()
    {
        var proxy = compose.Service("proxy");
        Assert.StartsWith("nginx:", ComposeFile.Scalar(proxy, "image"));
        var config = File.ReadAllText(Path.Combine(compose.Root, ComposeFile.Sequence(proxy, "volumes").Single().Split(':')[0]));
        var upstreams = Regex.Matches(config, @"server\s+([\w.-]+):(\d+);").Select(m => (Host: m.Groups[1].Value, Port: m.Groups[2].Value)).ToArray();
        Assert.Equal(compose.Silos().Order(), upstreams.Select(u => u.Host).Order());
        foreach (var (host, port) in upstreams)
        {
            Assert.EndsWith($":{port}", ComposeFile.Environment(compose.Service(host))["Urls"]);
        }

        Assert.Contains("ip_hash;", config);
        Assert.Contains("proxy_set_header Upgrade $http_upgrade;", config);
    }

    [Fact]
    public void TheSimulatorRunsAShippedScenario_AgainstTheFrontDoor_IntoASandbox()
    {
        var command = ComposeFile.Sequence(compose.Service("simulator"), "command").ToArray();
        Assert.True(File.Exists(Path.Combine(compose.Root, "simulations", command[0])), $"scenario {command[0]} is not in simulations/");
        var live = new Uri(command[Array.IndexOf(command, "--live") + 1]);
        Assert.Equal("proxy", live.Host);
        Assert.NotEqual("live", command[Array.IndexOf(command, "--workspace") + 1]);
    }

    [Fact]
    public void SilosReportReadiness_AndTheFrontDoorWaitsForIt()
    {
        foreach (var silo in compose.Silos())
        {
            var service = compose.Service(silo);
            var test = ComposeFile.Sequence((YamlDotNet.RepresentationModel.YamlMappingNode)ComposeFile.Child(service, "healthcheck")!, "test").ToArray();
            var port = ComposeFile.Environment(service)["Urls"].Split(':')[^1];
            Assert.Equal(["CMD", "dotnet", "TerritoryGrid.Server.dll", "--probe", $"http://127.0.0.1:{port}{HealthExtensions.ReadyPath}"], test);
            var condition = ((YamlDotNet.RepresentationModel.YamlMappingNode)ComposeFile.Child(compose.Service("proxy"), "depends_on")!)[silo];
            Assert.Equal("service_healthy", ComposeFile.Scalar((YamlDotNet.RepresentationModel.YamlMappingNode)condition, "condition"));
        }
    }

    [Fact]
    public void SecretsComeFromTheEnvironmentFile_WhichIsNotInTheRepository()
    {
        var example = File.ReadAllLines(Path.Combine(compose.Root, ".env.example"))
            .Where(l => l.Contains('=') && !l.StartsWith('#')).Select(l => l.Split('=')[0]).ToHashSet();
        var text = File.ReadAllText(Path.Combine(compose.Root, "docker-compose.yml"));
        var used = Regex.Matches(text, @"\$\{([A-Z_]+)").Select(m => m.Groups[1].Value).ToHashSet();
        Assert.Equal(example.Order(), used.Order());
        Assert.Contains(".env", File.ReadAllLines(Path.Combine(compose.Root, ".gitignore")));
        Assert.Equal(["TERRITORYGRID_API_KEY"], ComposeFile.Environment(compose.Service("simulator")).Keys);
        Assert.Equal("TERRITORYGRID_API_KEY", TerritoryGrid.Simulator.SimulatorMain.ApiKeyVariable);
    }

    [Fact]
    public void SilosRunWithTheSettingsTheClusterTestsExercise()
    {
        var tested = Cluster.Cluster.SiloSettings("Host=postgres", "redis:6379", "any").Keys.ToHashSet();
        foreach (var silo in compose.Silos())
        {
            var untested = ComposeFile.Environment(compose.Service(silo)).Keys
                .Where(k => k is not "Urls" and not "DemoCompany__Enabled" && !tested.Contains(k)).ToArray();
            Assert.True(untested.Length == 0, $"{silo} sets {string.Join(", ", untested)}, which no cluster test starts a silo with");
        }
    }

    private string[] Depends(string service) => ComposeFile.Child(compose.Service(service), "depends_on") switch
    {
        YamlDotNet.RepresentationModel.YamlMappingNode map => map.Children.Keys.Select(k => k.ToString()).ToArray(),
        YamlDotNet.RepresentationModel.YamlSequenceNode list => list.Children.Select(k => k.ToString()).ToArray(),
        _ => [],
    };
}
