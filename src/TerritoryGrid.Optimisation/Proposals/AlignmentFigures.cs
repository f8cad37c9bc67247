namespace TerritoryGrid.Optimisation.Proposals;

/// <summary>
/// How balanced and compact one alignment is. <see cref="Objective"/> = <see cref="Imbalance"/> + compactness weight ×
/// <see cref="MeanTravelHours"/>: what the optimiser minimises, and what the exact model in the tests minimises too.
/// </summary>
/// <param name="Imbalance">Mean absolute deviation of rep utilisation (demand ÷ capacity) from the company's starting utilisation.</param>
/// <param name="UtilisationCv">Coefficient of variation of rep utilisation (DOMAIN.md's balance measure).</param>
/// <param name="UtilisationMaxMin">Highest ÷ lowest rep utilisation.</param>
/// <param name="MeanTravelKm">Mean distance from each owned account to its owner's home.</param>
/// <param name="MeanTravelHours">The same at the configured travel speed, one way.</param>
public sealed record AlignmentFigures(
    double Objective,
    double Imbalance,
    double UtilisationCv,
    double UtilisationMaxMin,
    double MeanTravelKm,
    double MeanTravelHours);
