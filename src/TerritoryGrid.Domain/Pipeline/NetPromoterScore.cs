namespace TerritoryGrid.Domain.Pipeline;

/// <summary>NPS on 0–10 answers: promoters 9–10, detractors 0–6; NPS = %promoters − %detractors, in [-100, 100].</summary>
public static class NetPromoterScore
{
    public static bool IsValidAnswer(int score) => score is >= 0 and <= 10;

    public static bool IsPromoter(int score) => score >= 9;

    public static bool IsDetractor(int score) => score <= 6;

    /// <summary>The score, or null when nobody answered (0 would claim a neutral result nobody gave).</summary>
    public static double? Score(int promoters, int detractors, int responses) =>
        responses <= 0 ? null : 100.0 * (promoters - detractors) / responses;
}
