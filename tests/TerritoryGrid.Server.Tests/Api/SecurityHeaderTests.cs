namespace TerritoryGrid.Server.Tests.Api;

[Collection(ServerCollection.Name)]
public sealed class SecurityHeaderTests(ServerFixture server)
{
    private readonly HttpClient client = server.CreateClient();

    [Theory]
    [InlineData("/")]
    [InlineData("/api/workspaces")]
    public async Task Responses_CarryAPolicyWithoutInlineScriptAndNoSniffing(string path)
    {
        var response = await client.GetAsync(path);

        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", policy);
        Assert.DoesNotContain("unsafe-inline", policy);
        Assert.Contains("frame-ancestors 'none'", policy);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
    }
}
