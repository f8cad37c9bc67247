using TerritoryGrid.Server.Security;

namespace TerritoryGrid.Server.Tests.Security;

/// <summary>The access_token value is found however ASP.NET Core's query parser would still read it as that parameter.</summary>
public sealed class AccessTokenRedactionTests
{
    [Theory]
    [InlineData("GET http://h/hubs/territories?access_token=tg_secret&id=1 - 200", "GET http://h/hubs/territories?access_token=[redacted]&id=1 - 200")]
    [InlineData("?id=1&ACCESS_TOKEN=tg_secret", "?id=1&ACCESS_TOKEN=[redacted]")]
    [InlineData("?access%5Ftoken=tg_secret", "?access%5Ftoken=[redacted]")]
    [InlineData("?%61ccess_token=tg_secret&x=2", "?%61ccess_token=[redacted]&x=2")]
    [InlineData("?access_token=tg_a&access_token=tg_b", "?access_token=[redacted]&access_token=[redacted]")]
    [InlineData("?access_token=", "?access_token=[redacted]")]
    public void TheTokenValue_IsReplaced(string text, string expected) => Assert.Equal(expected, AccessTokenRedaction.Redact(text));

    [Theory]
    [InlineData("?my_access_token=visible&token=also")]
    [InlineData("access_token=not-a-query-parameter")]
    [InlineData("?bad%zzname=1")]
    [InlineData("no query at all")]
    public void OtherText_IsLeftAsItIs(string text) => Assert.Equal(text, AccessTokenRedaction.Redact(text));
}
