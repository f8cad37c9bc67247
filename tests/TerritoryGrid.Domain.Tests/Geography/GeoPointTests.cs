using TerritoryGrid.Domain.Geography;

namespace TerritoryGrid.Domain.Tests.Geography;

public sealed class GeoPointTests
{
    [Fact]
    public void DistanceKmTo_LondonParis_IsAbout344Km() =>
        Assert.Equal(343.5, new GeoPoint(51.5074, -0.1278).DistanceKmTo(new GeoPoint(48.8566, 2.3522)), 0);

    [Fact]
    public void DistanceKmTo_Itself_IsZero() => Assert.Equal(0, new GeoPoint(40, -74).DistanceKmTo(new GeoPoint(40, -74)));

    [Theory]
    [InlineData(91, 0, false)]
    [InlineData(0, 181, false)]
    [InlineData(double.NaN, 0, false)]
    [InlineData(-90, 180, true)]
    public void IsValid_ChecksRanges(double latitude, double longitude, bool valid) =>
        Assert.Equal(valid, new GeoPoint(latitude, longitude).IsValid);
}
