using TerritoryGrid.Server.Api;

namespace TerritoryGrid.Server.Security;

/// <summary>Company-wide views (the whole definition, balance across every rep, the map) are for unscoped keys only.</summary>
internal static class WholeCompanyFilter
{
    public static TBuilder RequireWholeCompany<TBuilder>(this TBuilder endpoint, string what) where TBuilder : IEndpointConventionBuilder =>
        endpoint.AddEndpointFilter(async (context, next) =>
        {
            var scope = CallerScope.Of(context.HttpContext.User);
            return scope.IsWholeCompany ? await next(context) : ApiErrors.OutsideScope(what, scope);
        });
}
