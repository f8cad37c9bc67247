using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using TerritoryGrid.Domain.Balance;
using TerritoryGrid.Domain.Coverage;
using TerritoryGrid.Domain.Geography;
using TerritoryGrid.Domain.Pipeline;

namespace TerritoryGrid.Domain.Tests.Properties;

/// <summary>Properties of the domain math over generated inputs (FsCheck; failures shrink to a smallest case).</summary>
public sealed class DomainMathProperties
{
    [Property(MaxTest = 500)]
    public bool Balance_CoefficientOfVariation_IsNonNegative_AndIgnoresTheUnit(NonEmptyArray<NonNegativeInt> raw, PositiveInt scale)
    {
        var values = raw.Get.Select(v => (double)v.Get).ToArray();
        var figures = BalanceFigures.Of(values);
        var scaled = BalanceFigures.Of(values.Select(v => v * scale.Get).ToArray());
        return figures.CoefficientOfVariation >= 0
            && figures.Min <= figures.Mean + 1e-9 && figures.Mean <= figures.Max + 1e-9
            && Math.Abs(figures.CoefficientOfVariation - scaled.CoefficientOfVariation) < 1e-9;
    }

    [Property(MaxTest = 200)]
    public bool Balance_OfEqualValues_IsPerfectlyBalanced(PositiveInt count, NonNegativeInt value)
    {
        var figures = BalanceFigures.Of(Enumerable.Repeat((double)value.Get, Math.Min(count.Get, 1_000)).ToArray());
        return figures.CoefficientOfVariation == 0 && figures.MaxMinRatio == 1;
    }

    [Property(MaxTest = 500)]
    public bool Adherence_RequiredTouches_AreWholeBoundedAndGrowWithTime(PositiveInt touches, NonNegativeInt day, PositiveInt later)
    {
        var perWindow = Math.Min(touches.Get, 50);
        var now = CallPlanAdherence.RequiredTouches(perWindow, day.Get % 400, 28);
        var afterwards = CallPlanAdherence.RequiredTouches(perWindow, day.Get % 400 + later.Get % 60, 28);
        return now == Math.Floor(now) && now >= 0 && now <= perWindow && afterwards >= now;
    }

    [Property(MaxTest = 500)]
    public bool Adherence_Ratio_IsBetweenZeroAndOne_AndOverServingOneAccountHidesNothing(NonNegativeInt delivered, NonNegativeInt required)
    {
        var credited = CallPlanAdherence.CreditedTouches(delivered.Get, required.Get);
        var ratio = CallPlanAdherence.Ratio(credited, required.Get);
        return credited <= required.Get && ratio is >= 0 and <= 1 && (required.Get == 0 || ratio == Math.Min(1.0, (double)delivered.Get / required.Get));
    }

    [Property(MaxTest = 500)]
    public bool NetPromoterScore_IsBetweenMinusAndPlusAHundred(NonNegativeInt promoters, NonNegativeInt detractors, NonNegativeInt passives)
    {
        var responses = promoters.Get + detractors.Get + passives.Get;
        var score = NetPromoterScore.Score(promoters.Get, detractors.Get, responses);
        return responses == 0 ? score is null : score is >= -100 and <= 100;
    }

    [Property(MaxTest = 300)]
    public Property Distance_IsSymmetric_NonNegative_AndObeysTheTriangleInequality()
    {
        var points = Gen.Choose(-89_000, 89_000).SelectMany(lat => Gen.Choose(-179_000, 179_000), (lat, lon) => new GeoPoint(lat / 1000.0, lon / 1000.0));
        return Prop.ForAll(Arb.From(Gen.Three(points)), ((GeoPoint A, GeoPoint B, GeoPoint C) p) =>
        {
            var ab = p.A.DistanceKmTo(p.B);
            return ab >= 0 && Math.Abs(ab - p.B.DistanceKmTo(p.A)) < 1e-6 && p.A.DistanceKmTo(p.A) < 1e-6
                && p.A.DistanceKmTo(p.C) <= ab + p.B.DistanceKmTo(p.C) + 1e-6;
        });
    }
}
