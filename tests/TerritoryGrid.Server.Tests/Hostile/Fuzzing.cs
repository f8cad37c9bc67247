using System.Text;

namespace TerritoryGrid.Server.Tests.Hostile;

/// <summary>What the fuzz runs share: a server without the per-key rate limit, text mutations, and the heap measure.</summary>
internal static class Fuzzing
{
    /// <summary>
    /// Its own server, with the per-key rate limit out of the way (a fuzzer posts far faster than it allows), and rep
    /// figures flushed often: a company load waits for them, and at the default second the import runs spent most of
    /// their time waiting.
    /// </summary>
    public sealed class Server : TerritoryGrid.Testing.TestServer
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Limits:RequestsPerSecond", "100000");
            builder.UseSetting("Limits:Burst", "100000");
            builder.UseSetting("Metrics:RepRollupFlushInterval", "00:00:00.050");
        }
    }

    /// <summary>Hostile JSON tokens and values spliced into valid documents.</summary>
    public static readonly string[] JsonSplices =
    [
        "NaN", "Infinity", "-1e999", "1e999", "null", "true", "{}", "[]", "\"\\u0000\"", "\"\\ud800\"", "\"=cmd|' /C calc'!A0\"",
        "\"<img src=x onerror=alert(1)>\"", "9223372036854775808", "-0", "\"2026-02-30T25:61:00Z\"", "\"\u202e\"", ",", ":", "\"",
        "{\"id\":", new string('[', 70), "\"" + new string('x', 5_000) + "\"",
    ];

    /// <summary>One to three mutations: a character replaced, the text cut, a splice inserted, a piece duplicated.</summary>
    public static string Mutate(string body, Random random, IReadOnlyList<string> splices)
    {
        var text = new StringBuilder(body);
        for (var m = random.Next(1, 4); m > 0; m--)
        {
            var at = random.Next(text.Length + 1);
            switch (random.Next(4))
            {
                case 0 when text.Length > 0:
                    text[Math.Min(at, text.Length - 1)] = (char)random.Next(0, 128);
                    break;
                case 1:
                    text.Length = Math.Min(at, text.Length);
                    break;
                case 2:
                    text.Insert(at, splices[random.Next(splices.Count)]);
                    break;
                default:
                    var from = random.Next(text.Length);
                    text.Insert(at, text.ToString(from, Math.Min(random.Next(1, 200), text.Length - from)));
                    break;
            }
        }

        return text.ToString();
    }

    public static byte[] RandomBytes(Random random, int most)
    {
        var bytes = new byte[random.Next(0, most)];
        random.NextBytes(bytes);
        return bytes;
    }

    public static long HeapAfterCollection()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    public static string Shorten(string body) => body.Length <= 500 ? body : body[..500] + "…";
}
