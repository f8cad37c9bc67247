using TerritoryGrid.Domain.Balance;
using TerritoryGrid.Optimisation.Proposals;

namespace TerritoryGrid.Optimisation.Model;

/// <summary>
/// The objective, computed from scratch for any assignment: imbalance (mean absolute deviation of rep utilisation
/// from the target) + compactness weight × mean one-way travel hours from owner to account. Linear in the
/// assignment, so an exact MIP can minimise exactly this.
/// </summary>
public static class Objective
{
    public static AlignmentFigures Evaluate(BalancingInstance instance, IReadOnlyList<int> owner)
    {
        var load = new double[instance.RepCount];
        double travelKm = 0;
        var owned = 0;
        for (var a = 0; a < instance.AccountCount; a++)
        {
            if (owner[a] < 0)
            {
                continue;
            }

            load[owner[a]] += instance.Demand(a, owner[a]);
            travelKm += instance.DistanceKm(a, owner[a]);
            owned++;
        }

        var utilisation = new List<double>(instance.RepCount);
        double deviation = 0;
        for (var r = 0; r < instance.RepCount; r++)
        {
            if (instance.Capacity[r] > 0)
            {
                var u = load[r] / instance.Capacity[r];
                utilisation.Add(u);
                deviation += Math.Abs(u - instance.TargetUtilisation);
            }
        }

        var imbalance = utilisation.Count == 0 ? 0 : deviation / utilisation.Count;
        var meanKm = owned == 0 ? 0 : travelKm / owned;
        var meanHours = meanKm / instance.TravelSpeedKmPerHour;
        var balance = BalanceFigures.Of(utilisation);
        return new AlignmentFigures(
            imbalance + instance.CompactnessWeight * meanHours, imbalance, balance.CoefficientOfVariation, balance.MaxMinRatio, meanKm, meanHours);
    }

    /// <summary>Account value whose owner differs from the start.</summary>
    public static double ValueMoved(BalancingInstance instance, IReadOnlyList<int> owner)
    {
        double moved = 0;
        for (var a = 0; a < instance.AccountCount; a++)
        {
            if (owner[a] != instance.StartOwner[a])
            {
                moved += instance.Value[a];
            }
        }

        return moved;
    }
}
