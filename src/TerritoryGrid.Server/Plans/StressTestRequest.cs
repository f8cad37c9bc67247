using System.Text.Json;

namespace TerritoryGrid.Server.Plans;

/// <summary>
/// A stress test to run: a scenario (the simulator's format; its company is always the workspace's own, since the
/// plans are written against it) and the plans to compare with today's alignment.
/// </summary>
public sealed record StressTestRequest(JsonElement? Scenario, IReadOnlyList<string>? PlanIds);
