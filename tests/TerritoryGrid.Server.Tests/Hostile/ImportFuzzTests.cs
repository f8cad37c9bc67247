using System.Net;
using System.Text;
using TerritoryGrid.Server.Tests.Api;

namespace TerritoryGrid.Server.Tests.Hostile;

/// <summary>
/// Bounded fuzz runs of the company imports (fixed seed, fixed count, so a failure reproduces): the JSON company and
/// the CSV files, valid ones mutated at random, random bytes, and for the CSV import the multipart envelope itself cut
/// and corrupted. No answer may be a 5xx, the server keeps serving, and memory stays bounded.
/// </summary>
[Collection(Isolated.Name)]
public sealed class ImportFuzzTests
{
    private const int Iterations = 600;

    /// <summary>What a CSV mutation may splice in: quotes, byte-order marks, line breaks, separators, formulas, markup, huge fields.</summary>
    private static readonly string[] CsvSplices =
    [
        "\"", "\"\"", "\",\"", "\uFEFF", "\r\n", "\n", "\r", ",", ",,,,", "\"\r\n\"", "=cmd|' /C calc'!A0", "<script>alert(1)</script>",
        "\u0000", "\u202e", "\ud800", "NaN", "1e400", "-1", "$1,250,000.00", "Tier Z", "east", "ann", new string('x', 70_000),
        "\"" + new string('y', 300_000), "territory_id", "account_id,account_name",
    ];

    [Fact]
    public async Task MutatedAndRandomCompanies_NeverGetA5xx_AndMemoryStaysBounded()
    {
        var valid = TestData.Company().ToJsonString();
        await RunAsync("fuzz-company", 20261130, (random, i) =>
        {
            var body = i % 10 == 9 ? Encoding.Latin1.GetString(Fuzzing.RandomBytes(random, 4_000)) : Fuzzing.Mutate(valid, random, Fuzzing.JsonSplices);
            return (new StringContent(body, Encoding.UTF8, "application/json"), body);
        }, "company");
    }

    [Fact]
    public async Task MutatedAndRandomCsvFiles_NeverGetA5xx_AndMemoryStaysBounded()
    {
        await RunAsync("fuzz-csv", 20261131, (random, i) => (i % 10) switch
        {
            9 => Envelope(random),
            8 => Files(Fuzzing.RandomBytes(random, 3_000), Encoding.UTF8.GetBytes(CsvForms.Reps), Fuzzing.RandomBytes(random, 3_000)),
            _ => Files(MutatedCsv(CsvForms.Territories, random), MutatedCsv(CsvForms.Reps, random), MutatedCsv(CsvForms.Accounts, random)),
        }, "company/csv");
    }

    private static async Task RunAsync(string workspace, int seed, Func<Random, int, (HttpContent Content, string Shown)> next, string endpoint)
    {
        await using var server = new Fuzzing.Server();
        using var client = server.CreateClient();
        var random = new Random(seed);
        var statuses = new Dictionary<int, int>();
        long? baseline = null;

        for (var i = 0; i < Iterations; i++)
        {
            var (content, shown) = next(random, i);
            using var response = await client.PutAsync($"/api/workspaces/{workspace}/{endpoint}", content);
            var status = (int)response.StatusCode;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            Assert.True(status < 500, $"iteration {i}: {status} {Fuzzing.Shorten(await response.Content.ReadAsStringAsync())}\nbody: {Fuzzing.Shorten(shown)}");
            if (i == 100)
            {
                baseline = Fuzzing.HeapAfterCollection();
            }
        }

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/workspaces")).StatusCode);
        var growth = Fuzzing.HeapAfterCollection() - baseline!.Value;
        Assert.True(growth < 64 * 1024 * 1024, $"heap grew {growth / 1024 / 1024} MB over {Iterations - 100} hostile imports");
        Assert.True(statuses.Keys.Count > 1, "the fuzzer only ever got one status: it is not exploring");
        Assert.True(statuses.GetValueOrDefault(200) > 0, "no mutated import ever succeeded: the mutations are too blunt to reach the reader's deeper paths");
    }

    /// <summary>CSV-aware mutations (most of the time) or the shared ones; sometimes the file is left valid.</summary>
    private static byte[] MutatedCsv(string csv, Random random) => random.Next(4) switch
    {
        0 => Encoding.UTF8.GetBytes(csv),
        1 => Encoding.UTF8.GetBytes(Fuzzing.Mutate(csv, random, CsvSplices)),
        2 => CutLine(csv, random),
        _ => Encoding.UTF8.GetBytes(Splice(csv, random)),
    };

    /// <summary>A splice at a field boundary or inside a field, so the reader sees hostile cells rather than only broken lines.</summary>
    private static string Splice(string csv, Random random)
    {
        var separators = csv.Select((c, i) => (c, i)).Where(p => p.c is ',' or '\n').Select(p => p.i).ToArray();
        var at = separators[random.Next(separators.Length)] + (random.Next(2) == 0 ? 1 : 0);
        return csv.Insert(at, CsvSplices[random.Next(CsvSplices.Length)]);
    }

    /// <summary>A line cut off mid-way, as a truncated upload leaves it, and the bytes after it gone (possibly mid-character).</summary>
    private static byte[] CutLine(string csv, Random random)
    {
        var bytes = Encoding.UTF8.GetBytes(csv.Insert(csv.Length / 2, "Zoë ✓ "));
        return bytes[..random.Next(bytes.Length)];
    }

    private static (HttpContent, string) Files(byte[] territories, byte[] reps, byte[] accounts) =>
        (CsvForms.Form(territories, reps, accounts), $"territories: {Shown(territories)}\nreps: {Shown(reps)}\naccounts: {Shown(accounts)}");

    /// <summary>A valid form's bytes, with the multipart envelope cut, corrupted or its boundary lied about.</summary>
    private static (HttpContent, string) Envelope(Random random)
    {
        var form = CsvForms.Form(CsvForms.Territories, CsvForms.Reps, CsvForms.Accounts);
        var bytes = form.ReadAsByteArrayAsync().GetAwaiter().GetResult();
        var contentType = form.Headers.ContentType!.ToString();
        switch (random.Next(4))
        {
            case 0:
                bytes = bytes[..random.Next(bytes.Length)];
                break;
            case 1:
                for (var flips = random.Next(1, 20); flips > 0; flips--)
                {
                    bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
                }

                break;
            case 2:
                contentType = random.Next(2) == 0 ? "multipart/form-data; boundary=\"nothing-like-it\"" : "multipart/form-data";
                break;
            default:
                bytes = [.. bytes, .. Fuzzing.RandomBytes(random, 5_000)];
                break;
        }

        var content = new ByteArrayContent(bytes);
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return (content, $"{contentType}\n{Shown(bytes)}");
    }

    private static string Shown(byte[] bytes) => Encoding.UTF8.GetString(bytes, 0, Math.Min(bytes.Length, 300));
}
