using TerritoryGrid.Contracts.Company;
using TerritoryGrid.Contracts.Grains;
using TerritoryGrid.Grains.Persistence;

namespace TerritoryGrid.Grains.Workspaces;

/// <summary>A workspace and the generation of its current company. Written on every change: changes are rare.</summary>
internal sealed class WorkspaceGrain(
    [PersistentState("workspace", StorageNames.Grains)] IPersistentState<WorkspaceState> persisted,
    TimeProvider clock) : TransferableGrain<WorkspaceState>, IWorkspaceGrain
{
    protected override IPersistentState<WorkspaceState> Persisted => persisted;

    public const string LiveWorkspace = "live";

    private WorkspaceState State => persisted.State;

    private string Name => this.GetPrimaryKeyString();

    /// <summary>State written by an earlier version is converted and written back at once (workspaces write every change).</summary>
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (StateVersions.Upgrade(persisted.State, persisted.RecordExists))
        {
            await persisted.WriteStateAsync(cancellationToken);
        }

        await base.OnActivateAsync(cancellationToken);
    }

    public Task<WorkspaceInfo> GetInfo() => Task.FromResult(Info());

    public async Task<int> BeginLoad()
    {
        State.LastReservedGeneration = Math.Max(State.LastReservedGeneration, State.Generation) + 1;
        await persisted.WriteStateAsync();
        return State.LastReservedGeneration;
    }

    public async Task<WorkspaceInfo> CommitLoad(int generation, CompanyManifest manifest)
    {
        if (generation <= State.Generation || generation > State.LastReservedGeneration)
        {
            throw new InvalidOperationException(
                $"Generation {generation} of workspace '{Name}' cannot be committed: the current generation is {State.Generation}.");
        }

        State.Generation = generation;
        State.Manifest = manifest;
        State.LoadedAt = clock.GetUtcNow();
        State.AlignmentVersion = 0;
        State.AlignedBy = null;
        await persisted.WriteStateAsync();
        return Info();
    }

    public async Task<WorkspaceInfo> Realign(int generation, int alignmentVersion, string planId, CompanyManifest manifest)
    {
        if (State.AlignedBy == planId && State.Generation == generation)
        {
            return Info();
        }

        if (generation != State.Generation || alignmentVersion != State.AlignmentVersion)
        {
            throw new InvalidOperationException(
                $"Workspace '{Name}' is at generation {State.Generation}, alignment {State.AlignmentVersion}: plan '{planId}' was prepared for generation {generation}, alignment {alignmentVersion}.");
        }

        State.Manifest = manifest;
        State.AlignmentVersion++;
        State.AlignedBy = planId;
        await persisted.WriteStateAsync();
        return Info();
    }

    public async Task AddRepDefinitions(byte[][] reps)
    {
        if (State.Manifest is not { } manifest)
        {
            return;
        }

        // The definition is patched as JSON: this grain holds it without knowing the company types.
        var company = System.Text.Json.Nodes.JsonNode.Parse(manifest.DefinitionJson)!.AsObject();
        var list = company["reps"]!.AsArray();
        var known = list.Select(r => r?["id"]?.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
        var added = new List<string>();
        foreach (var rep in reps.Select(r => System.Text.Json.Nodes.JsonNode.Parse(r)!))
        {
            if (rep["id"]?.GetValue<string>() is { } id && known.Add(id))
            {
                list.Add(rep);
                added.Add(id);
            }
        }

        State.Manifest = manifest with
        {
            DefinitionJson = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(company),
            RepIds = [.. manifest.RepIds.Union(added, StringComparer.Ordinal)],
        };
        await persisted.WriteStateAsync();
    }

    public async Task MarkOrphaned(string[] accountIds, DateTimeOffset since)
    {
        if (State.Manifest is not { } manifest || accountIds.Length == 0)
        {
            return;
        }

        // Patched as JSON, as AddRepDefinitions does: the property is the company format's "orphanedSince".
        var wanted = accountIds.ToHashSet(StringComparer.Ordinal);
        var company = System.Text.Json.Nodes.JsonNode.Parse(manifest.DefinitionJson)!.AsObject();
        foreach (var account in company["accounts"]!.AsArray())
        {
            if (account?["id"]?.GetValue<string>() is { } id && wanted.Contains(id) && account["orphanedSince"] is null)
            {
                account["orphanedSince"] = since;
            }
        }

        State.Manifest = manifest with { DefinitionJson = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(company) };
        await persisted.WriteStateAsync();
    }

    public Task<byte[]?> GetDefinition() => Task.FromResult(State.Manifest?.DefinitionJson);

    private WorkspaceInfo Info()
    {
        var manifest = State.Manifest;
        return new WorkspaceInfo(
            Name,
            Name == LiveWorkspace ? WorkspaceKind.Live : WorkspaceKind.Sandbox,
            State.Generation,
            manifest?.Name,
            manifest?.TerritoryIds ?? [],
            manifest?.RepIds ?? [],
            manifest?.AccountCount ?? 0,
            manifest?.PlanStart,
            State.LoadedAt,
            State.AlignmentVersion,
            State.AlignedBy);
    }
}
