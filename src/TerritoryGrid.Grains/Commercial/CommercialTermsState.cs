using TerritoryGrid.Contracts.Commercial;

namespace TerritoryGrid.Grains.Commercial;

[GenerateSerializer, Alias("tg.CommercialTermsState")]
internal sealed class CommercialTermsState
{
    [Id(0)] public CommercialTerms Terms { get; set; } = CommercialTerms.Empty;
}
