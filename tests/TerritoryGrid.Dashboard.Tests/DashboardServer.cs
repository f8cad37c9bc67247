using TerritoryGrid.Testing;

namespace TerritoryGrid.Dashboard.Tests;

/// <summary>The real server on Kestrel at 127.0.0.1 (a browser needs a real socket).</summary>
public sealed class DashboardServer : TestServer
{
    public DashboardServer()
        : base(kestrel: true)
    {
        Http = TestKeys.Client(Address);
    }

    public HttpClient Http { get; }
}

[CollectionDefinition(Name)]
public sealed class DashboardCollection : ICollectionFixture<DashboardServer>, ICollectionFixture<BrowserFixture>
{
    public const string Name = nameof(DashboardCollection);
}
