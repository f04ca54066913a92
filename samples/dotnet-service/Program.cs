var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();

// The order service of a distribution business: what the warehouse picks next.
app.MapGet("/healthz", () => Results.Ok("ok"));
app.MapGet("/orders/next", () => Results.Ok(new { Order = "SO-1042", Warehouse = "WH-EAST", Lines = 3 }));

app.Run();
