using Microsoft.Extensions.Logging;
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

    /// <summary>Besides the hosting log's structured entries: plain-text entries, scopes, and values of other types.</summary>
    [Fact]
    public void EveryKindOfLogEntry_IsRedacted_AndOthersPassUntouched()
    {
        var logs = new CapturedLogs();
        using var factory = new RedactingLoggerFactory(LoggerFactory.Create(builder => builder.AddProvider(logs).SetMinimumLevel(LogLevel.Trace)));
        var logger = factory.CreateLogger("test");

        using (logger.BeginScope(new Dictionary<string, object?> { ["Url"] = "/hubs/territories?access_token=tg_in_scope" }))
        {
            logger.LogInformation("Calling {Url} with {Query}", new Uri("http://h/x?access_token=tg_in_uri"), new Microsoft.AspNetCore.Http.QueryString("?access_token=tg_in_query"));
            logger.Log(LogLevel.Warning, 0, "plain text ?a=1&access_token=tg_in_text", null, (state, _) => state);
        }

        logger.LogInformation("Nothing to hide in {Url}", "/api/workspaces?token=kept");

        var texts = logs.Entries.SelectMany(e => e.Texts).ToList();
        Assert.DoesNotContain(texts, t => t.Contains("tg_in_", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("access_token=[redacted]", StringComparison.Ordinal));
        Assert.Equal("Nothing to hide in /api/workspaces?token=kept", logs.Entries.Last().Message);
        Assert.Equal(3, logs.Entries.Count);
    }
}
