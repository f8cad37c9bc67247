using TerritoryGrid.Domain.Company;
using TerritoryGrid.Domain.Geography;

namespace TerritoryGrid.Domain.Tests.Company;

public sealed class CompanyValidatorTests
{
    private static CompanyDefinition Valid() => new(
        "Acme",
        [new TerritoryDefinition("east", "East"), new TerritoryDefinition("west", "West")],
        [
            new RepDefinition("ann", "Ann", "east", RepRole.Outside, new GeoPoint(40, -74)),
            new RepDefinition("bob", "Bob", "west", RepRole.Inside, new GeoPoint(37, -122)),
        ],
        [
            new AccountDefinition("a1", "One", "east", "ann", "Retail", "NYC", new GeoPoint(40.1, -74), 1000, 100),
            new AccountDefinition("a2", "Two", "west", "bob", "Retail", "SF", new GeoPoint(37.1, -122), 1000, 100),
        ]);

    private static ValidationError Single(CompanyDefinition company) => Assert.Single(CompanyValidator.Validate(company));

    [Fact]
    public void Validate_ValidCompany_HasNoErrors() => Assert.Empty(CompanyValidator.Validate(Valid()));

    [Fact]
    public void Validate_Null_SaysACompanyIsRequired() =>
        Assert.Equal(new ValidationError("company", "", "body", "a company with territories, reps and accounts is required"),
            Assert.Single(CompanyValidator.Validate(null)));

    [Fact]
    public void Validate_DuplicateTerritoryId_NamesIt() =>
        Assert.Equal(new ValidationError("territory", "east", "id", "duplicate id"),
            Single(Valid() with { Territories = [new("east", "East"), new("west", "West"), new("east", "East 2")] }));

    [Fact]
    public void Validate_DuplicateRepId_NamesIt()
    {
        var company = Valid();
        company = company with { Reps = [.. company.Reps, company.Reps[0]] };

        Assert.Equal(new ValidationError("rep", "ann", "id", "duplicate id"), Single(company));
    }

    [Fact]
    public void Validate_AccountInTwoTerritories_SaysSo()
    {
        var company = Valid();
        company = company with { Accounts = [.. company.Accounts, company.Accounts[0] with { TerritoryId = "west", OwnerRepId = "bob" }] };

        Assert.Equal(new ValidationError("account", "a1", "territoryId",
            "account is in two territories ('east' and 'west'); every account belongs to exactly one"), Single(company));
    }

    [Fact]
    public void Validate_DuplicateAccountInSameTerritory_IsADuplicateId()
    {
        var company = Valid();
        company = company with { Accounts = [.. company.Accounts, company.Accounts[1]] };

        Assert.Equal(new ValidationError("account", "a2", "id", "duplicate id"), Single(company));
    }

    [Fact]
    public void Validate_RepWithoutTerritory_SaysEveryRepNeedsOne()
    {
        var company = Valid();
        company = company with { Reps = [company.Reps[0], company.Reps[1] with { TerritoryId = "" }], Accounts = [company.Accounts[0]] };

        Assert.Equal(new ValidationError("rep", "bob", "territoryId", "every rep needs a territory"), Single(company));
    }

    [Fact]
    public void Validate_UnknownReferences_AreNamed()
    {
        var company = Valid();
        company = company with
        {
            Reps = [company.Reps[0] with { TerritoryId = "north" }, company.Reps[1]],
            Accounts = [company.Accounts[0] with { OwnerRepId = "zed" }, company.Accounts[1] with { TerritoryId = "south" }],
        };

        var errors = CompanyValidator.Validate(company);

        Assert.Contains(new ValidationError("rep", "ann", "territoryId", "unknown territory 'north'"), errors);
        Assert.Contains(new ValidationError("account", "a1", "ownerRepId", "unknown rep 'zed'"), errors);
        Assert.Contains(new ValidationError("account", "a2", "territoryId", "unknown territory 'south'"), errors);
    }

    [Fact]
    public void Validate_OwnerFromAnotherTerritory_IsRefused()
    {
        var company = Valid();
        company = company with { Accounts = [company.Accounts[0] with { OwnerRepId = "bob" }, company.Accounts[1]] };

        Assert.Equal(new ValidationError("account", "a1", "ownerRepId",
            "rep 'bob' belongs to territory 'west', not the account's territory 'east'"), Single(company));
    }

    [Theory]
    [InlineData(91, 0)]
    [InlineData(double.NaN, 0)]
    [InlineData(0, -181)]
    public void Validate_BadCoordinates_AreNamed(double latitude, double longitude)
    {
        var company = Valid();
        company = company with { Accounts = [company.Accounts[0] with { Location = new GeoPoint(latitude, longitude) }, company.Accounts[1]] };

        var error = Single(company);
        Assert.Equal(("account", "a1", "location"), (error.Entity, error.Id, error.Field));
        Assert.StartsWith("bad coordinates", error.Message);
    }

    [Fact]
    public void Validate_NegativeRevenueAndBadAvailability_AreNamed()
    {
        var company = Valid();
        company = company with
        {
            Reps = [company.Reps[0] with { Availability = 1.5 }, company.Reps[1]],
            Accounts = [company.Accounts[0] with { AnnualRevenue = -5 }, company.Accounts[1]],
        };

        var errors = CompanyValidator.Validate(company);

        Assert.Contains(new ValidationError("rep", "ann", "availability", "must be between 0 and 1"), errors);
        Assert.Contains(new ValidationError("account", "a1", "annualRevenue", "must be a finite amount between 0 and 1e15"), errors);
    }

    [Fact]
    public void Validate_IdWithSlashAndMissingName_AreNamed()
    {
        var company = Valid();
        company = company with { Territories = [company.Territories[0], company.Territories[1] with { Name = " " }], Accounts = [company.Accounts[0] with { Id = "a/1" }, company.Accounts[1]] };

        var errors = CompanyValidator.Validate(company);

        Assert.Contains(new ValidationError("territory", "west", "name", "is required"), errors);
        Assert.Contains(errors, e => e is { Entity: "account", Id: "#0", Field: "id" } && e.Message.Contains("'/'"));
    }

    [Fact]
    public void Validate_NoTerritories_AndManyProblems_ReportsEveryOne()
    {
        var errors = CompanyValidator.Validate(new CompanyDefinition("", [], [Valid().Reps[0]], [Valid().Accounts[0]]));

        Assert.Contains(new ValidationError("company", "", "name", "is required"), errors);
        Assert.Contains(new ValidationError("company", "", "territories", "at least one territory is required"), errors);
        Assert.Contains(new ValidationError("rep", "ann", "territoryId", "unknown territory 'east'"), errors);
        Assert.Contains(new ValidationError("account", "a1", "territoryId", "unknown territory 'east'"), errors);
        Assert.True(errors.Count >= 4);
    }
}
