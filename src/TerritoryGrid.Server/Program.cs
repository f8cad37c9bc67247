using TerritoryGrid.Application;
using TerritoryGrid.Server.Api;
using TerritoryGrid.Server.Security;

var builder = WebApplication.CreateBuilder(args);
builder.AddTerritoryGridSilo();
builder.AddDemoCompany();
builder.AddTerritoryGridDashboard();
builder.Services.ConfigureHttpJsonOptions(options => TerritoryGridJson.Configure(options.SerializerOptions));
builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<ClusterUnavailableHandler>();
builder.Services.AddOpenApi();

var app = builder.Build();
app.UseTerritoryGridSecurityHeaders();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.MapOpenApi();
app.MapTerritoryGridApi();
app.MapTerritoryGridDashboard();
app.Run();
