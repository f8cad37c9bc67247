using TerritoryGrid.Testing;

namespace TerritoryGrid.Server.Tests;

/// <summary>The real server through the in-memory test transport, shared by the API tests.</summary>
public sealed class ServerFixture : TestServer;

[CollectionDefinition(Name)]
public sealed class ServerCollection : ICollectionFixture<ServerFixture>
{
    public const string Name = nameof(ServerCollection);
}
