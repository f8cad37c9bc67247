namespace TerritoryGrid.Application.Companies.Sync;

/// <summary>
/// How to apply a sync: <see cref="DryRun"/> only lists the changes; <see cref="EffectiveAt"/> (the start of a day in
/// event time) defaults to the first midnight after the workspace's latest event; reps who joined ramp up over
/// <see cref="RampWeeks"/> (default 12); <see cref="Name"/> renames the company.
/// </summary>
public sealed record SyncRequest(bool DryRun = false, DateTimeOffset? EffectiveAt = null, int? RampWeeks = null, string? Name = null);
