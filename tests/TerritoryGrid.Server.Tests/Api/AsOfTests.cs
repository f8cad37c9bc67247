using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using TerritoryGrid.Testing;

namespace TerritoryGrid.Server.Tests.Api;

/// <summary>
/// "As of" reads: the same company in two workspaces, five weeks of activity in one and only the days up to
/// <see cref="AsOfDay"/> in the other. The first workspace's figures at the end of that day must be the second's
/// figures now, and a recomputation from the events up to that day.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class AsOfTests(ServerFixture server)
{
    private const int Days = 35;
    private const int AsOfDay = 20;
    private static readonly DateTimeOffset PlanStart = DateTimeOffset.Parse(TestData.PlanStart);
    private static readonly string AsOf = PlanStart.AddDays(AsOfDay).ToString("yyyy-MM-dd");
    private static readonly string DayBefore = PlanStart.AddDays(AsOfDay - 1).ToString("yyyy-MM-dd");

    /// <summary>What the API returns for a territory that is defined at the end of a day whatever came after it.</summary>
    private static readonly string[] EndOfDayFields =
    [
        "demandHours", "capacityHours", "adherence", "coverage", "leadsWaitingPastTarget", "repCount", "accountCount",
        "accountsReporting", "totals", "revenuePotential", "revenueAtRisk", "annualQuota", "netProfit", "funnel",
    ];

    private readonly HttpClient client = server.CreateClient();

    [Fact]
    public async Task Figures_as_of_a_past_day_equal_those_of_a_workspace_that_only_saw_the_events_up_to_it()
    {
        var events = Activity().ToList();
        var upToDay = events.Where(e => (DateTimeOffset)e["occurredAt"]! < PlanStart.AddDays(AsOfDay + 1)).ToList();
        await LoadAsync("asof-full", events);
        await LoadAsync("asof-cut", upToDay);

        var then = await ListAsync($"/api/workspaces/asof-full/territories?asOf={AsOf}");
        var now = await ListAsync("/api/workspaces/asof-cut/territories");

        Assert.Equal(AsOf, (string)then["asOf"]!);
        Assert.Empty(then["notRecorded"]!.AsArray());
        foreach (var id in new[] { "east", "west", "central" })
        {
            var past = Territory(then, id);
            var current = Territory(now, id);
            foreach (var field in EndOfDayFields)
            {
                Assert.True(JsonNode.DeepEquals(current[field], past[field]), $"{id}.{field}: {past[field]?.ToJsonString()} as of {AsOf}, {current[field]?.ToJsonString()} in the cut workspace");
            }

            // A recomputation straight from the events posted up to the day's end.
            var accountId = id switch { "east" => "A", "west" => "B", _ => "C" };
            var orders = upToDay.Where(e => (string)e["accountId"]! == accountId && (string)e["kind"]! == "order").ToList();
            Assert.Equal(orders.Sum(e => (double)e["amount"]!), (double)past["totals"]!["revenue"]!);
            Assert.Equal(upToDay.Count(e => (string)e["accountId"]! == accountId), (long)past["totals"]!["events"]!);
            Assert.Equal(PlanStart.AddDays(AsOfDay + 1), (DateTimeOffset)past["watermark"]!);

            // Money by fiscal period is not kept per day: a past day has no fiscal block, and its attainment is all won
            // value against the annual quota (live, the fiscal quarter's against its quota).
            Assert.Null(past["fiscal"]);
            var annualQuota = (double)past["annualQuota"]!;
            Assert.Equal(annualQuota > 0 ? (double)past["totals"]!["wonValue"]! / annualQuota : 0, (double)past["quotaAttainment"]!);
            Assert.NotNull(current["fiscal"]);
        }

        // The status at a boundary both workspaces have closed is the same, with everything else.
        var fullBefore = await ListAsync($"/api/workspaces/asof-full/territories?asOf={DayBefore}");
        var cutBefore = await ListAsync($"/api/workspaces/asof-cut/territories?asOf={DayBefore}");
        Assert.True(JsonNode.DeepEquals(cutBefore["territories"], fullBefore["territories"]), $"{fullBefore["territories"]!.ToJsonString()}\n{cutBefore["territories"]!.ToJsonString()}");
        Assert.Equal(
            now["territories"]!.AsArray().Select(t => (string)t!["status"]!),
            fullBefore["territories"]!.AsArray().Select(t => (string)t!["status"]!));
        Assert.NotEqual((double)Territory(then, "east")["totals"]!["revenue"]!, (double)Territory(await ListAsync("/api/workspaces/asof-full/territories"), "east")["totals"]!["revenue"]!);
    }

    [Fact]
    public async Task Detail_as_of_a_day_has_the_status_history_up_to_it_and_no_reps()
    {
        await LoadAsync("asof-detail", Activity());

        var detail = await client.GetFromJsonAsync<JsonObject>($"/api/workspaces/asof-detail/territories/east?asOf={AsOf}");
        var live = await client.GetFromJsonAsync<JsonObject>("/api/workspaces/asof-detail/territories/east");

        Assert.Empty(detail!["reps"]!.AsArray());
        Assert.NotEmpty(live!["reps"]!.AsArray());
        Assert.All(detail["statusHistory"]!.AsArray(), c => Assert.True((DateTimeOffset)c!["at"]! <= PlanStart.AddDays(AsOfDay + 1)));
        Assert.All(detail["territory"]!["trend"]!.AsArray(), p => Assert.True((DateTimeOffset)p!["day"]! <= PlanStart.AddDays(AsOfDay + 1)));
        Assert.Equal(PlanStart.AddDays(AsOfDay + 1), (DateTimeOffset)detail["territory"]!["trend"]!.AsArray()[^1]!["day"]!);
    }

    [Fact]
    public async Task Bad_dates_are_400_and_days_without_figures_404_saying_why()
    {
        await LoadAsync("asof-errors", Activity());

        var malformed = await client.GetAsync("/api/workspaces/asof-errors/territories?asOf=30/09/2026");
        var impossible = await client.GetAsync("/api/workspaces/asof-errors/territories/east?asOf=2026-02-30");
        var beforePlan = await client.GetAsync("/api/workspaces/asof-errors/territories?asOf=2026-08-31");
        var notClosed = await client.GetAsync("/api/workspaces/asof-errors/territories?asOf=2026-12-01");
        var notClosedOne = await client.GetAsync("/api/workspaces/asof-errors/territories/east?asOf=2026-12-01");
        var unknown = await client.GetAsync($"/api/workspaces/asof-errors/territories/north?asOf={AsOf}");

        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Contains("asOf '30/09/2026' is not a date: use yyyy-MM-dd", await malformed.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, impossible.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, beforePlan.StatusCode);
        Assert.Contains("asOf 2026-08-31 is before the plan start (2026-09-01) of workspace 'asof-errors'", await beforePlan.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, notClosed.StatusCode);
        Assert.Contains("no territory has figures recorded for the end of 2026-12-01: a day is recorded once the event-time watermark passes its end (watermark now 2026-10-05T15:00Z)", await notClosed.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, notClosedOne.StatusCode);
        Assert.Contains("territory 'east' has no figures recorded for the end of 2026-12-01", await notClosedOne.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("no territory 'north'", await unknown.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Scoped_keys_see_the_past_of_their_territories_only()
    {
        await LoadAsync("asof-scoped", Activity());
        using var scoped = server.CreateClient();
        scoped.DefaultRequestHeaders.Authorization = new("Bearer", TestKeys.ScopedViewer);
        using var west = server.CreateClient();
        west.DefaultRequestHeaders.Authorization = new("Bearer", TestKeys.WestPlanner);

        var list = await scoped.GetFromJsonAsync<JsonObject>($"/api/workspaces/asof-scoped/territories?asOf={AsOf}");
        var outside = await scoped.GetAsync($"/api/workspaces/asof-scoped/territories/west?asOf={AsOf}");
        var outsideNotRecorded = await scoped.GetAsync("/api/workspaces/asof-scoped/territories/west?asOf=2026-12-01");
        var region = await west.GetFromJsonAsync<JsonObject>($"/api/workspaces/asof-scoped/territories?asOf={AsOf}");

        Assert.Equal(["east"], list!["territories"]!.AsArray().Select(t => (string)t!["id"]!));
        Assert.Equal(HttpStatusCode.Forbidden, outside.StatusCode);
        Assert.Contains("territory 'west' is outside what this key may see", await outside.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, outsideNotRecorded.StatusCode);
        Assert.Equal(["west"], region!["territories"]!.AsArray().Select(t => (string)t!["id"]!));
    }

    /// <summary>
    /// Five weeks of every kind of activity on the three accounts, each day's events between 09:00 and 15:00 (so no
    /// event sits on a day boundary), every lead touched the day it is created.
    /// </summary>
    internal static IEnumerable<JsonObject> Activity()
    {
        foreach (var (account, rep) in new[] { ("A", "ann"), ("B", "bob"), ("C", "cid") })
        {
            for (var day = 0; day < Days; day++)
            {
                JsonObject At(string kind, int hour, string id) => new()
                {
                    ["id"] = $"{account}-{day}-{id}",
                    ["kind"] = kind,
                    ["occurredAt"] = PlanStart.AddDays(day).AddHours(hour),
                    ["accountId"] = account,
                    ["repId"] = rep,
                };

                if (day % 7 == 2)
                {
                    var lead = At("leadCreated", 9, "lead");
                    lead["referenceId"] = $"{account}-L{day}";
                    yield return lead;
                }

                if (day % 3 == 0)
                {
                    yield return At(account == "A" ? "visit" : "call", 10, "touch");
                }

                if (day % 7 == 2)
                {
                    yield return At("call", 11, "answer");
                }

                if (day % 5 == 0)
                {
                    var order = At("order", 12, "order");
                    order["amount"] = 100.0 * (day + 1);
                    order["cost"] = 10 * day;
                    order["product"] = day % 10 == 0 ? "Widget" : "Gadget";
                    yield return order;
                }

                if (day % 7 == 5)
                {
                    var qualified = At("leadQualified", 13, "qualified");
                    qualified["referenceId"] = $"{account}-L{day - 3}";
                    qualified["amount"] = 5000;
                    yield return qualified;
                }

                if (day % 14 == 9)
                {
                    var won = At("opportunityWon", 13, "won");
                    won["referenceId"] = $"{account}-L{day - 7}";
                    won["amount"] = 5000;
                    yield return won;
                }

                if (day % 6 == 1)
                {
                    var cost = At("cost", 14, "cost");
                    cost["amount"] = 50;
                    yield return cost;
                }

                if (day % 10 == 4)
                {
                    var answer = At("npsAnswer", 14, "nps");
                    answer["score"] = day % 20 == 4 ? 9 : 3;
                    yield return answer;
                }

                yield return At("email", 15, "email");
            }
        }
    }

    /// <summary>Loads the company, posts the events in time order, and waits until every territory counted them.</summary>
    private async Task LoadAsync(string workspace, IEnumerable<JsonObject> activity)
    {
        var events = activity.OrderBy(e => (DateTimeOffset)e["occurredAt"]!).ToList();
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync($"/api/workspaces/{workspace}/company", TestData.Company())).StatusCode);
        var posted = await (await client.PostAsJsonAsync($"/api/workspaces/{workspace}/activity", new JsonArray([.. events.Select(e => e.DeepClone())]))).Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal(events.Count, (int)posted!["accepted"]!);
        Assert.Empty(posted["rejected"]!.AsArray());

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await ListAsync($"/api/workspaces/{workspace}/territories"))["territories"]!.AsArray().Sum(t => (long)t!["totals"]!["events"]!) < events.Count
            && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }
    }

    private async Task<JsonObject> ListAsync(string path)
    {
        var response = await client.GetAsync(path);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private static JsonObject Territory(JsonObject list, string id) =>
        list["territories"]!.AsArray().Single(t => (string)t!["id"]! == id)!.AsObject();
}
