using Google.OrTools.LinearSolver;
using TerritoryGrid.Optimisation.Model;

namespace TerritoryGrid.Optimisation.Tests;

/// <summary>
/// The exact optimum of a small <see cref="BalancingInstance"/>, as a MIP solved by SCIP (OR-Tools): one binary per
/// account and rep allowed to own it, the same objective as <see cref="Objective"/> (mean absolute deviation of
/// utilisation from the target, linearised with one deviation variable per rep, plus weighted mean travel hours) and
/// the same rules (value and account budgets, load limits and floors, account limit). Here only: the product's proposals never need a solver.
/// </summary>
internal static class ExactBalancer
{
    public static int[] Solve(BalancingInstance instance)
    {
        using var solver = Solver.CreateSolver("SCIP") ?? throw new InvalidOperationException("SCIP is not available in this OR-Tools build.");
        var x = new Dictionary<(int Account, int Rep), Variable>();
        for (var a = 0; a < instance.AccountCount; a++)
        {
            if (instance.StartOwner[a] < 0)
            {
                continue;
            }

            var one = new LinearExpr();
            for (var r = 0; r < instance.RepCount; r++)
            {
                if (instance.MayOwn(a, r))
                {
                    x[(a, r)] = solver.MakeBoolVar($"x_{a}_{r}");
                    one += x[(a, r)];
                }
            }

            solver.Add(one == 1);
        }

        var objective = new LinearExpr();
        var balanced = instance.BalancedRepCount;
        for (var r = 0; r < instance.RepCount; r++)
        {
            var load = new LinearExpr();
            var count = new LinearExpr();
            var startCount = 0;
            foreach (var ((a, rep), variable) in x.Where(p => p.Key.Rep == r))
            {
                load += instance.Demand(a, rep) * variable;
                count += variable;
                startCount += instance.StartOwner[a] == r ? 1 : 0;
            }

            solver.Add(load <= instance.LoadLimit[r]);
            solver.Add(load >= instance.LoadFloor[r]);
            if (instance.MaxAccountsPerRep > 0)
            {
                solver.Add(count <= Math.Max(instance.MaxAccountsPerRep, startCount));
            }

            if (instance.Capacity[r] > 0)
            {
                var deviation = solver.MakeNumVar(0, double.PositiveInfinity, $"dev_{r}");
                solver.Add(deviation >= load * (1 / instance.Capacity[r]) - instance.TargetUtilisation);
                solver.Add(deviation >= instance.TargetUtilisation - load * (1 / instance.Capacity[r]));
                objective += deviation * (1.0 / balanced);
            }
        }

        var moved = new LinearExpr();
        var movedCount = new LinearExpr();
        foreach (var ((a, r), variable) in x)
        {
            objective += instance.CompactnessWeight / instance.OwnedAccountCount * instance.TravelHours(a, r) * variable;
            if (r == instance.StartOwner[a])
            {
                moved += instance.Value[a] * (1 - variable);
                movedCount += 1 - variable;
            }
        }

        solver.Add(moved <= instance.Budget);
        if (instance.MaxAccountsMoved < instance.AccountCount)
        {
            solver.Add(movedCount <= instance.MaxAccountsMoved);
        }
        solver.Minimize(objective);
        using var parameters = new MPSolverParameters();
        parameters.SetDoubleParam(MPSolverParameters.DoubleParam.RELATIVE_MIP_GAP, 0.0);
        var status = solver.Solve(parameters);
        if (status != Solver.ResultStatus.OPTIMAL)
        {
            throw new InvalidOperationException($"The exact model ended {status}, not optimal.");
        }

        return [.. Enumerable.Range(0, instance.AccountCount).Select(a => instance.StartOwner[a] < 0
            ? -1
            : Enumerable.Range(0, instance.RepCount).Single(r => x.TryGetValue((a, r), out var v) && v.SolutionValue() > 0.5))];
    }
}
