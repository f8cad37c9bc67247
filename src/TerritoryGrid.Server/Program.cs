using TerritoryGrid.Application;
using TerritoryGrid.Server.Api;
using TerritoryGrid.Server.Security;

if (HealthExtensions.RunProbe(args) is { } probeExitCode)
{
    return probeExitCode;
}

var builder = WebApplication.CreateBuilder(args);
builder.AddTerritoryGridSilo();
builder.AddDemoCompany();
builder.AddTerritoryGridDashboard();
builder.AddTerritoryGridSecurity();
builder.AddTerritoryGridLimits();
builder.AddTerritoryGridHealth();
builder.AddTerritoryGridTelemetry();
builder.Services.AddSingleton<TerritoryGrid.Server.Plans.StressTestService>();
builder.Services.AddHostedService(services => services.GetRequiredService<TerritoryGrid.Server.Plans.StressTestService>());
builder.Services.AddHostedService<TerritoryGrid.Server.Plans.ScheduledPlanApplier>();
builder.Services.ConfigureHttpJsonOptions(options => TerritoryGridJson.Configure(options.SerializerOptions));
builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<ClusterUnavailableHandler>();
builder.Services.AddOpenApi(options => options.AddOperationTransformer((operation, context, _) =>
{
    // Every operation states who may call it.
    var metadata = context.Description.ActionDescriptor.EndpointMetadata;
    var role = metadata.OfType<RequiredRole>().LastOrDefault()?.Role
        ?? (metadata.OfType<Microsoft.AspNetCore.Authorization.IAllowAnonymous>().Any() ? "none (anonymous)" : "any signed-in role");
    operation.Description = $"{operation.Description}{(string.IsNullOrEmpty(operation.Description) ? "" : " ")}Requires role: {role}.";
    return Task.CompletedTask;
}).AddOperationTransformer(AlternativeOkResponses.DescribeAsync));

var app = builder.Build();
app.UseTerritoryGridSecurityHeaders();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseTerritoryGridSecurity();
app.UseTerritoryGridLimits();
app.UseTerritoryGridLogScopes();
app.MapOpenApi();
app.MapTerritoryGridHealth();
app.MapTerritoryGridTelemetry();
app.MapTerritoryGridSession();
app.MapTerritoryGridApi();
app.MapTerritoryGridDashboard();
app.Run();
return 0;
