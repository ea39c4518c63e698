// One loopback listener on a free port and one endpoint: the least an ASP.NET Core sidecar can be. It prints its
// address once it serves, so the benchmark knows when to start measuring, and stops on its own after a while.
var app = WebApplication.CreateBuilder(args).Build();
app.Urls.Add("http://127.0.0.1:0");
app.MapGet("/health", () => "ok");
await app.StartAsync();
Console.WriteLine($"serving {app.Urls.First()}");
await Task.Delay(TimeSpan.FromMinutes(5));
await app.StopAsync();
