namespace TerritoryGrid.Simulator.Scenarios;

/// <summary>A problem in a scenario file: the file, the field (a JSON path) and what is wrong.</summary>
public sealed record ScenarioError(string File, string Field, string Message)
{
    public override string ToString() => $"{File}: {Field}: {Message}";
}

public sealed class ScenarioException(IReadOnlyList<ScenarioError> errors)
    : Exception($"The scenario has {errors.Count} problem{(errors.Count == 1 ? "" : "s")}:{Environment.NewLine}{string.Join(Environment.NewLine, errors)}")
{
    public IReadOnlyList<ScenarioError> Errors { get; } = errors;
}
