using YamlDotNet.RepresentationModel;

namespace TerritoryGrid.Durability.Tests.Deployment;

/// <summary>docker-compose.yml at the repository root, read as plain YAML (docker cannot run on the test machines).</summary>
internal sealed class ComposeFile
{
    private readonly YamlMappingNode services;

    private ComposeFile(string root, YamlMappingNode services)
    {
        Root = root;
        this.services = services;
    }

    public string Root { get; }

    public IEnumerable<string> ServiceNames => services.Children.Keys.Select(k => ((YamlScalarNode)k).Value!);

    public static ComposeFile Load()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "TerritoryGrid.sln")))
        {
            root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("Repository root (TerritoryGrid.sln) not found.");
        }

        var yaml = new YamlStream();
        using (var reader = new StreamReader(Path.Combine(root, "docker-compose.yml")))
        {
            yaml.Load(reader);
        }

        var document = (YamlMappingNode)yaml.Documents[0].RootNode;
        return new ComposeFile(root, (YamlMappingNode)document["services"]);
    }

    public YamlMappingNode Service(string name) => (YamlMappingNode)services[name];

    public static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? ((YamlScalarNode)value).Value : null;

    public static YamlNode? Child(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    public static Dictionary<string, string> Environment(YamlMappingNode service) =>
        Child(service, "environment") is YamlMappingNode environment
            ? environment.Children.ToDictionary(e => ((YamlScalarNode)e.Key).Value!, e => ((YamlScalarNode)e.Value).Value ?? "")
            : [];

    public static IEnumerable<string> Sequence(YamlMappingNode service, string key) =>
        Child(service, key) is YamlSequenceNode sequence ? sequence.Children.Select(c => ((YamlScalarNode)c).Value!) : [];

    /// <summary>Services built from this repository (their build context and Dockerfile).</summary>
    public IEnumerable<(string Service, string Context, string Dockerfile)> Builds() =>
        from name in ServiceNames
        let build = Child(Service(name), "build") as YamlMappingNode
        where build is not null
        select (name, Scalar(build, "context")!, Scalar(build, "dockerfile")!);

    /// <summary>Silo services: those built from the server's Dockerfile.</summary>
    public IEnumerable<string> Silos() => Builds().Where(b => b.Dockerfile.Contains("TerritoryGrid.Server", StringComparison.Ordinal)).Select(b => b.Service);
}
