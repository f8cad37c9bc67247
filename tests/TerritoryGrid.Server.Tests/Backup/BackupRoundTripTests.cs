using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TerritoryGrid.Testing;
using static TerritoryGrid.Server.Tests.Backup.BackupScenario;

namespace TerritoryGrid.Server.Tests.Backup;

/// <summary>
/// A workspace backed up from one deployment and restored into another, empty one answers every API request as the
/// original did: territories (live and as of a past day, with status history), reps, accounts, plans, alerts.
/// </summary>
public sealed class BackupRoundTripTests(BackupServers servers) : IClassFixture<BackupServers>
{
    [Fact]
    public async Task EmbeddedToAnotherEmbedded_GivesIdenticalAnswers()
    {
        const string workspace = "round-trip";
        using var admin = servers.Embedded.CreateClient();
        using var ingest = Client(servers.Embedded, TestKeys.Ingest);
        using var planner = Client(servers.Embedded, TestKeys.Planner);
        await LoadAsync(admin, workspace);
        await PostDaysAsync(ingest, workspace, 0, PlanDay);
        await ApplyPlanAsync(admin, planner, workspace);
        await PostDaysAsync(ingest, workspace, PlanDay, PlanDay + 10);
        var acknowledged = await admin.PostAsync($"/api/workspaces/{workspace}/alerts/t0/acknowledge", null);
        Assert.True(acknowledged.IsSuccessStatusCode, await acknowledged.Content.ReadAsStringAsync());
        var before = await SettledAnswersAsync(admin, workspace);

        var file = await BackupAsync(admin, workspace);
        using var target = servers.OtherEmbedded.CreateClient();
        var restored = await RestoreAsync(target, workspace, file);
        var result = await restored.Content.ReadFromJsonAsync<JsonObject>();
        var after = await AnswersAsync(target, workspace);

        Assert.True(restored.IsSuccessStatusCode, result?.ToJsonString());
        Assert.Equal(AccountsTotal, (int)result!["counts"]!["accounts"]!);
        Assert.True((bool)result["logImported"]!);
        Assert.Contains("\"alignmentVersion\":1", before["/territories"]);
        Assert.Contains("\"status\":\"applied\"", before["/plans/"]);
        Assert.Contains("\"territoryId\":\"t0\"", before["/alerts/acknowledged"]);
        Assert.StartsWith("200 ", before[$"/territories?asOf={AsOfDay}"]);
        AssertSame(before, after);
        Assert.Contains(workspace, await target.GetStringAsync("/api/workspaces"));
    }

    [Fact]
    public async Task InMemoryToEmbedded_GivesIdenticalAnswers_AndTheRestoredWorkspaceTakesNewEvents()
    {
        const string workspace = "from-memory";
        using var admin = servers.InMemory.CreateClient();
        using var ingest = Client(servers.InMemory, TestKeys.Ingest);
        await LoadAsync(admin, workspace);
        var posted = await PostDaysAsync(ingest, workspace, 0, 25);
        // Commercial terms travel in the file too (states/terms.bin).
        Assert.True((await admin.PutAsJsonAsync($"/api/workspaces/{workspace}/settings", new { fiscalYearStartMonth = 4, currency = "EUR" })).IsSuccessStatusCode);
        Assert.True((await admin.PostAsJsonAsync($"/api/workspaces/{workspace}/quotas",
            new[] { new { ownerType = "territory", ownerId = Plans.PlanCompany.Territory(0), period = "FY2027-Q3", amount = 5000.0 } })).IsSuccessStatusCode);
        Assert.True((await admin.PutAsJsonAsync($"/api/workspaces/{workspace}/products", new[] { new { id = "W", name = "Widget", price = 10.0 } })).IsSuccessStatusCode);
        var before = await SettledAnswersAsync(admin, workspace);
        Assert.Contains("\"currency\":\"EUR\"", before["/settings"]);
        Assert.Contains("FY2027-Q3", before["/quotas"]);

        var file = await BackupAsync(admin, workspace);
        using var target = servers.OtherEmbedded.CreateClient();
        var restored = await RestoreAsync(target, workspace, file);
        Assert.True(restored.IsSuccessStatusCode, await restored.Content.ReadAsStringAsync());
        AssertSame(before, await AnswersAsync(target, workspace));

        // The restored workspace goes on: new events are counted, and those already applied are duplicates.
        using var targetIngest = Client(servers.OtherEmbedded, TestKeys.Ingest);
        var more = await PostDaysAsync(targetIngest, workspace, 25, 27);
        var again = await targetIngest.PostAsJsonAsync($"/api/workspaces/{workspace}/activity",
            new JsonArray(new JsonObject { ["id"] = "d0-t0-a0", ["kind"] = "order", ["occurredAt"] = Plans.PlanCompany.PlanStart.AddHours(9).ToString("O"), ["accountId"] = "t0-a0", ["amount"] = 100.0, ["cost"] = 10.0, ["repId"] = "t0-r0" }));
        Assert.Equal(1, (int)(await again.Content.ReadFromJsonAsync<JsonObject>())!["duplicates"]!);
        await WaitForEventsAsync(target, workspace, posted + more);
    }

    [Fact]
    public async Task RestoreIntoAWorkspaceThatHoldsACompany_IsRefusedWith409NamingIt()
    {
        const string workspace = "occupied";
        using var admin = servers.Embedded.CreateClient();
        await LoadAsync(admin, workspace);
        var file = await BackupAsync(admin, workspace);

        var refused = await RestoreAsync(admin, workspace, file);

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("workspace 'occupied' already holds a company ('Plan test company', generation 1)", await refused.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("cut", "not a zip archive, or is cut short")]
    [InlineData("doctored", "states/accounts.bin is not what was written (its SHA-256 is")]
    [InlineData("bit-rot", "")]
    [InlineData("not-a-zip", "not a zip archive")]
    public async Task ACorruptOrTruncatedFile_IsRefusedWith400SayingWhat_AndNothingIsApplied(string damage, string expected)
    {
        var workspace = $"damaged-{damage}";
        using var admin = servers.Embedded.CreateClient();
        using var ingest = Client(servers.Embedded, TestKeys.Ingest);
        await LoadAsync(admin, workspace);
        await PostDaysAsync(ingest, workspace, 0, 3);
        var file = await BackupAsync(admin, workspace);
        var damaged = damage switch
        {
            "cut" => file[..(file.Length * 2 / 3)],
            "doctored" => Doctor(file, "states/accounts.bin"),
            "bit-rot" => Flip(file),
            _ => "PK not really"u8.ToArray(),
        };

        using var target = servers.OtherEmbedded.CreateClient();
        var refused = await RestoreAsync(target, workspace, damaged);
        var body = await refused.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("not a usable TerritoryGrid backup", body);
        Assert.Contains(expected, body);
        Assert.Equal(0, (await target.GetFromJsonAsync<JsonObject>($"/api/workspaces/{workspace}/"))!["generation"]!.GetValue<int>());
        var log = servers.OtherEmbedded.Services.GetRequiredService<TerritoryGrid.Contracts.Activity.IActivityLog>();
        Assert.Equal(0, await log.CountAsync(workspace, 1));
        Assert.True((await RestoreAsync(target, workspace, file)).IsSuccessStatusCode, "the undamaged file restores after the refusal");
    }

    private const int AccountsTotal = Plans.PlanCompany.Territories * Plans.PlanCompany.AccountsPerTerritory;

    /// <summary>One entry rewritten with a byte changed (a valid zip whose content is not what the manifest describes).</summary>
    private static byte[] Doctor(byte[] file, string entryName)
    {
        using var copy = new MemoryStream();
        copy.Write(file);
        using (var archive = new ZipArchive(copy, ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = archive.GetEntry(entryName)!;
            byte[] content;
            using (var stream = entry.Open())
            using (var buffer = new MemoryStream())
            {
                stream.CopyTo(buffer);
                content = buffer.ToArray();
            }

            content[content.Length / 2] ^= 0x01;
            entry.Delete();
            using var replaced = archive.CreateEntry(entryName).Open();
            replaced.Write(content);
        }

        return copy.ToArray();
    }

    /// <summary>A byte a third of the way into the file changed, wherever it falls (header, compressed data).</summary>
    private static byte[] Flip(byte[] file)
    {
        var copy = (byte[])file.Clone();
        copy[copy.Length / 3] ^= 0x5A;
        return copy;
    }

    private static async Task WaitForEventsAsync(HttpClient client, string workspace, int events)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        long counted;
        do
        {
            await Task.Delay(100);
            var list = await client.GetFromJsonAsync<JsonObject>($"/api/workspaces/{workspace}/territories");
            counted = list!["territories"]!.AsArray().Sum(t => t!["totals"]!["events"]!.GetValue<long>());
        }
        while (counted != events && DateTime.UtcNow < deadline);
        Assert.Equal(events, counted);
    }
}
