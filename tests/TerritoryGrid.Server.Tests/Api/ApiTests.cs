using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace TerritoryGrid.Server.Tests.Api;

[Collection(ServerCollection.Name)]
public sealed class ApiTests(ServerFixture server)
{
    private readonly HttpClient client = server.CreateClient();

    private async Task LoadAsync(string workspace) =>
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync($"/api/workspaces/{workspace}/company", TestData.Company())).StatusCode);

    private async Task<JsonObject> PostEventsAsync(string workspace, params JsonObject[] events)
    {
        var response = await client.PostAsJsonAsync($"/api/workspaces/{workspace}/activity", new JsonArray(events.Select(e => e.DeepClone()).ToArray()));
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    [Fact]
    public async Task PutCompany_Valid_DerivesSegmentsByNetProfitNotRevenue()
    {
        var response = await client.PutAsJsonAsync("/api/workspaces/api-segments/company", TestData.Company());
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("api-segments", response.Headers.GetValues("X-TerritoryGrid-Workspace").Single());
        var company = await client.GetFromJsonAsync<JsonObject>("/api/workspaces/api-segments/company");
        var segments = company!["accounts"]!.AsArray().ToDictionary(a => (string)a!["id"]!, a => (string)a!["segment"]!);
        Assert.Equal(new Dictionary<string, string> { ["C"] = "a", ["B"] = "b", ["A"] = "c" }, segments);
        Assert.Equal(1, (int)body!["accountsBySegment"]!["A"]!);
    }

    [Fact]
    public async Task PutCompany_WithErrors_Returns400NamingEntityIdAndFieldAndAppliesNothing()
    {
        var company = TestData.Company();
        company["reps"]![1]!["territoryId"] = "north";
        company["accounts"]![0]!["location"]!["latitude"] = 123.0;
        company["accounts"]!.AsArray().Add(company["accounts"]![2]!.DeepClone());

        var response = await client.PutAsJsonAsync("/api/workspaces/api-invalid/company", company);
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsArray()
            .Select(e => $"{e!["entity"]} {e["id"]} {e["field"]}: {e["message"]}").ToList();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("rep bob territoryId: unknown territory 'north'", errors);
        Assert.Contains("account A location: bad coordinates (123, -73.9): latitude must be in [-90, 90] and longitude in [-180, 180]", errors);
        Assert.Contains("account C id: duplicate id", errors);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/workspaces/api-invalid/territories")).StatusCode);
    }

    [Fact]
    public async Task PutCompany_MalformedOrIncompleteJson_Returns400SayingWhere()
    {
        var malformed = await client.PutAsync("/api/workspaces/api-json/company", Json("""{ "name": "x", "territories": [ { "id": """));
        var company = TestData.Company();
        company["accounts"]![1]!.AsObject().Remove("location");
        var missing = await client.PutAsJsonAsync("/api/workspaces/api-json/company", company);

        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Contains("malformed JSON at $.territories[0]", await malformed.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        var detail = await missing.Content.ReadAsStringAsync();
        Assert.Contains("$.accounts[1]", detail);
        Assert.Contains("location", detail);
    }

    [Fact]
    public async Task PostActivity_MixedBatch_AppliesValidEventsAndListsEachRefusalWithIndexAndReason()
    {
        await LoadAsync("api-mixed");
        var unknownKind = TestData.Event("e3", "fax", "A", 2);
        var badTime = TestData.Event("e4", "call", "A", 2);
        badTime["occurredAt"] = "yesterday";
        var wrongType = TestData.Event("e5", "order", "A", 2);
        wrongType["amount"] = "lots";

        var result = await PostEventsAsync("api-mixed",
            TestData.Event("e1", "visit", "A", 1, "ann"),
            TestData.Event("e2", "call", "nobody", 1),
            unknownKind,
            badTime,
            wrongType,
            new JsonObject { ["kind"] = "call" });

        Assert.Equal(1, (int)result["accepted"]!);
        var rejected = result["rejected"]!.AsArray().Select(r => ((int)r!["index"]!, (string)r["reason"]!)).ToList();
        Assert.Equal([1, 2, 3, 4, 5], rejected.Select(r => r.Item1));
        Assert.Equal("unknown account 'nobody' in workspace 'api-mixed'", rejected[0].Item2);
        Assert.StartsWith("kind 'fax' is not one of email, call, video, visit, leadCreated", rejected[1].Item2);
        Assert.Equal("occurredAt 'yesterday' is not an ISO 8601 date and time (e.g. 2026-11-23T09:30:00Z)", rejected[2].Item2);
        Assert.Equal("amount must be a number, not a string", rejected[3].Item2);
        Assert.Equal("id is required", rejected[4].Item2);
    }

    [Fact]
    public async Task PostActivity_RetriedBatch_CountsDuplicatesAndChangesNothing()
    {
        await LoadAsync("api-retry");
        var order = TestData.Event("o1", "order", "B", 3, "bob");
        order["amount"] = 1200;
        order["cost"] = 200;

        var first = await PostEventsAsync("api-retry", order);
        var retry = await PostEventsAsync("api-retry", order);
        order["amount"] = 5;
        var conflict = await PostEventsAsync("api-retry", order);

        Assert.Equal((1, 0), ((int)first["accepted"]!, (int)first["duplicates"]!));
        Assert.Equal((0, 1), ((int)retry["accepted"]!, (int)retry["duplicates"]!));
        Assert.Equal("conflict: event id 'o1' was already accepted with a different payload", (string)conflict["rejected"]![0]!["reason"]!);
        var west = await WaitForAsync("api-retry", "west", t => (double)t["totals"]!["revenue"]! == 1200);
        Assert.Equal(1000, (double)west["netProfit"]!);
    }

    [Fact]
    public async Task PostActivity_EveryEventRefused_Returns400WithTheList()
    {
        await LoadAsync("api-all-bad");

        var response = await client.PostAsync("/api/workspaces/api-all-bad/activity", Json("""[{"id":"x","kind":"call"}]"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("occurredAt is required", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task PostActivity_BodyNotAnArray_Returns400()
    {
        await LoadAsync("api-shape");

        var response = await client.PostAsync("/api/workspaces/api-shape/activity", Json("""{"events": 42}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("'events' must be an array of activity events, not a number", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Territories_FilterAndSort_ReturnWhatWasAskedAndRejectUnknownValues()
    {
        await LoadAsync("api-list");

        var byCoverage = await client.GetFromJsonAsync<JsonObject>("/api/workspaces/api-list/territories?sort=coverage&desc=true");
        var coverages = byCoverage!["territories"]!.AsArray().Select(t => (double?)t!["coverage"] ?? double.PositiveInfinity).ToList();
        var badSort = await client.GetAsync("/api/workspaces/api-list/territories?sort=vibes");
        var badStatus = await client.GetAsync("/api/workspaces/api-list/territories?status=starving");

        Assert.Equal("api-list", (string)byCoverage["workspace"]!);
        Assert.Equal(coverages.OrderByDescending(c => c), coverages);
        Assert.Equal(3, coverages.Count);
        Assert.Equal(HttpStatusCode.BadRequest, badSort.StatusCode);
        Assert.Contains("sort 'vibes' is not one of name, coverage", await badSort.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, badStatus.StatusCode);
    }

    [Fact]
    public async Task Territories_InTheOverviewView_CarryTheOverviewsFields_InTheAskedOrder_AndAnUnknownViewIsRefused()
    {
        await LoadAsync("api-overview");
        await PostEventsAsync("api-overview", TestData.Event("v1", "visit", "A", 5, "ann"), TestData.Event("c1", "call", "A", 6, "ann"));
        await WaitForAsync("api-overview", "east", t => (int)t["totals"]!["conversations"]! == 2);

        var whole = await client.GetFromJsonAsync<JsonObject>("/api/workspaces/api-overview/territories?sort=coverage&desc=true");
        var overview = await client.GetFromJsonAsync<JsonObject>("/api/workspaces/api-overview/territories?view=overview&sort=coverage&desc=true");
        var badView = await client.GetAsync("/api/workspaces/api-overview/territories?view=everything");

        var east = overview!["territories"]!.AsArray().Single(t => (string)t!["id"]! == "east")!.AsObject();
        var wholeEast = whole!["territories"]!.AsArray().Single(t => (string)t!["id"]! == "east")!;
        Assert.Equal(
            ["id", "name", "region", "watermark", "status", "statusReason", "statusSince", "coverage", "adherence", "demandHours",
             "capacityHours", "revenue", "netProfit", "conversionRate", "events", "coverageTrend"],
            east.Select(p => p.Key));
        Assert.Equal(
            whole["territories"]!.AsArray().Select(t => (string)t!["id"]!),
            overview["territories"]!.AsArray().Select(t => (string)t!["id"]!));
        Assert.Equal((long)wholeEast["totals"]!["events"]!, (long)east["events"]!);
        Assert.Equal(2, (long)east["events"]!);
        Assert.Equal((string)wholeEast["status"]!, (string)east["status"]!);
        Assert.Equal(wholeEast["trend"]!.AsArray().Select(p => (double?)p!["coverage"]), east["coverageTrend"]!.AsArray().Select(c => (double?)c));
        Assert.Equal("api-overview", (string)overview["workspace"]!);
        Assert.Equal(HttpStatusCode.BadRequest, badView.StatusCode);
        Assert.Contains("view 'everything' is not one of full, overview", await badView.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task DrillDown_TerritoryRepAccount_ReflectPostedActivity()
    {
        await LoadAsync("api-drill");
        await PostEventsAsync("api-drill", TestData.Event("v1", "visit", "A", 5, "ann"), TestData.Event("c1", "call", "A", 6, "ann"));

        var east = await WaitForAsync("api-drill", "east", t => (int)t["totals"]!["conversations"]! == 2);
        var detail = await client.GetFromJsonAsync<JsonObject>("/api/workspaces/api-drill/territories/east");
        JsonObject? rep;
        var deadline = DateTime.UtcNow.AddSeconds(15);
        do
        {
            // Reps are rolled up every second, territories every 100 ms.
            rep = await client.GetFromJsonAsync<JsonObject>("/api/workspaces/api-drill/reps/ann");
        }
        while ((int)rep!["rep"]!["totals"]!["conversations"]! < 2 && DateTime.UtcNow < deadline && await Task.Delay(50).ContinueWith(_ => true));
        var account = await client.GetFromJsonAsync<JsonObject>("/api/workspaces/api-drill/accounts/A");

        Assert.Equal(2, (int)east["totals"]!["touches"]!);
        Assert.Equal("ann", (string)detail!["reps"]![0]!["id"]!);
        Assert.Equal(2, (int)rep!["rep"]!["totals"]!["conversations"]!);
        Assert.Equal("A", (string)rep["accounts"]![0]!["id"]!);
        Assert.Equal("api-drill", (string)account!["workspace"]!);
        Assert.Equal(2, (int)account["account"]!["touchesDelivered"]!);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/workspaces/api-drill/accounts/Z")).StatusCode);
    }

    [Fact]
    public async Task Balance_ReportsCoefficientsOfVariationPerRep()
    {
        await LoadAsync("api-balance");

        var balance = await client.GetFromJsonAsync<JsonObject>("/api/workspaces/api-balance/balance");

        Assert.Equal(3, (int)balance!["reps"]!);
        Assert.True((double)balance["workloadPerRep"]!["coefficientOfVariation"]! > 0);
        Assert.Equal(3, balance["territoriesByStatus"]!.AsObject().Sum(s => (int)s.Value!));
    }

    [Fact]
    public async Task Workspaces_UnknownOrInvalid_AreClearErrors()
    {
        var unknown = await client.GetAsync("/api/workspaces/nobody-here/territories");
        var invalid = await client.GetAsync("/api/workspaces/Bad%20Name/territories");
        var post = await client.PostAsync("/api/workspaces/nobody-here/activity", Json("[]"));

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("workspace 'nobody-here' has no company", await unknown.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
    }

    [Fact]
    public async Task CopyCompany_IntoSandbox_CopiesDefinitionNotActivity()
    {
        await LoadAsync("api-source");
        var order = TestData.Event("o", "order", "C", 2, "cid");
        order["amount"] = 10;
        await PostEventsAsync("api-source", order);

        var copy = await client.PostAsync("/api/workspaces/api-copy/company/copy?from=api-source", null);
        var intoLive = await client.PostAsync("/api/workspaces/live/company/copy?from=api-source", null);

        Assert.Equal(HttpStatusCode.OK, copy.StatusCode);
        Assert.Equal("sandbox", (string)(await copy.Content.ReadFromJsonAsync<JsonObject>())!["workspace"]!["kind"]!);
        var central = await client.GetFromJsonAsync<JsonObject>("/api/workspaces/api-copy/territories/central");
        Assert.Equal(0, (double)central!["territory"]!["totals"]!["revenue"]!);
        Assert.Equal(HttpStatusCode.BadRequest, intoLive.StatusCode);
    }

    [Fact]
    public async Task OpenApi_DocumentsTheApi()
    {
        var document = await client.GetStringAsync("/openapi/v1.json");

        Assert.Contains("/api/workspaces/{workspace}/activity", document);
        Assert.Contains("/api/workspaces/{workspace}/company", document);
        Assert.Contains("/api/workspaces/{workspace}/balance", document);
    }

    [Fact]
    public async Task OpenApi_TheTerritoryListingAnswersEitherView()
    {
        var document = JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!;
        var ok = document["paths"]!["/api/workspaces/{workspace}/territories"]!["get"]!["responses"]!["200"]!;

        var shapes = ok["content"]!["application/json"]!["schema"]!["oneOf"]!.AsArray();

        Assert.Equal(2, shapes.Count);
        Assert.All(shapes, shape => Assert.NotNull(Resolve(document, shape!)["properties"]!["territories"]));
        Assert.NotEqual(
            Resolve(document, Resolve(document, shapes[0]!)["properties"]!["territories"]!["items"]!).ToJsonString(),
            Resolve(document, Resolve(document, shapes[1]!)["properties"]!["territories"]!["items"]!).ToJsonString());

        static JsonNode Resolve(JsonNode document, JsonNode schema) =>
            schema["$ref"] is { } reference ? document["components"]!["schemas"]![((string)reference!).Split('/')[^1]]! : schema;
    }

    private async Task<JsonObject> WaitForAsync(string workspace, string territory, Func<JsonObject, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var detail = await client.GetFromJsonAsync<JsonObject>($"/api/workspaces/{workspace}/territories/{territory}");
            var metrics = detail!["territory"]!.AsObject();
            if (done(metrics) || DateTime.UtcNow > deadline)
            {
                return metrics;
            }

            await Task.Delay(20);
        }
    }
}
