using System;
using System.Globalization;
using System.IO;
using System.Text;

namespace PolicyKit.Analyzers.Bench;

/// <summary>
/// Writes a C# project of <c>count</c> realistic files — Odoo connector services with logging, configuration reads,
/// connection strings built from parts, HTTP clients, records, LINQ and async code, and some operators that build
/// Kubernetes objects — plus app settings and a few manifests, to time the analyzers in a real <c>dotnet build</c>.
/// With a package feed the project references PolicyKit.Analyzers from it; without, it is the baseline build.
/// </summary>
internal static class SolutionGenerator
{
    public static int Run(string directory, int count, string? feed)
    {
        Directory.CreateDirectory(directory);
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } set
            ? set
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var analyzers = feed is null ? string.Empty : "    <PackageReference Include=\"PolicyKit.Analyzers\" Version=\"*-*\" PrivateAssets=\"all\" />\n";
        Write(directory, "Generated.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <NoWarn>$(NoWarn);CS1591</NoWarn>
              </PropertyGroup>
              <ItemGroup>
            {analyzers}    <PackageReference Include="KubernetesClient" Version="21.0.8" />
                <PackageReference Include="Microsoft.Extensions.Logging.Abstractions" Version="10.0.15" />
                <PackageReference Include="Microsoft.Extensions.Configuration.Abstractions" Version="10.0.15" />
              </ItemGroup>
            </Project>
            """);
        Write(directory, "nuget.config", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                {(feed is null ? string.Empty : $"<add key=\"policykit\" value=\"{Path.GetFullPath(feed)}\" />")}
                <add key="restored" value="{packages}" />
              </packageSources>
            </configuration>
            """);
        Write(directory, "appsettings.json", """
            {
              "Logging": { "LogLevel": { "Default": "Information" } },
              "Odoo": { "Url": "https://erp.example.com", "Database": "acme", "User": "integration", "Password": "" },
              "ConnectionStrings": { "Warehouse": "Host=db;Database=warehouse;Username=app" }
            }
            """);
        for (var i = 0; i < count; i++)
        {
            var text = (i % 10) switch
            {
                0 => Operator(i),
                1 or 2 => Records(i),
                _ => Service(i),
            };
            Write(directory, Path.Combine("Features", $"Feature{i / 25:D2}", $"File{i:D4}.cs"), text);
        }

        for (var i = 0; i < 5; i++)
        {
            Write(directory, Path.Combine("deploy", $"worker-{i}.yaml"), $"""
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: worker-{i}
                spec:
                  selector:
                    matchLabels: {"{"} app: worker-{i} {"}"}
                  template:
                    metadata:
                      labels: {"{"} app: worker-{i} {"}"}
                    spec:
                      automountServiceAccountToken: false
                      containers:
                        - name: worker
                          image: registry.example.com/worker:1.{i}.0
                          resources:
                            requests: {"{"} cpu: 100m, memory: 256Mi {"}"}
                            limits: {"{"} memory: 512Mi {"}"}
                """);
        }

        Console.WriteLine($"wrote {count} C# files to {Path.GetFullPath(directory)}");
        return 0;
    }

    private static string Service(int i) => $$"""
        using System.Net.Http.Headers;
        using System.Text;
        using System.Text.Json;
        using Microsoft.Extensions.Configuration;
        using Microsoft.Extensions.Logging;

        namespace Generated.Features.Feature{{(i / 25).ToString("D2", CultureInfo.InvariantCulture)}};

        public sealed record Order{{i}}(int Id, string Customer, decimal Amount, DateTimeOffset PlacedAt);

        public sealed class OdooConnector{{i}}
        {
            private const string ProductEndpoint = "/api/v2/product.product/search_read";
            private const string PasswordConfigurationKey = "Odoo:Password";
            private readonly HttpClient http;
            private readonly ILogger<OdooConnector{{i}}> logger;
            private readonly IConfiguration configuration;

            public OdooConnector{{i}}(HttpClient http, ILogger<OdooConnector{{i}}> logger, IConfiguration configuration)
            {
                this.http = http;
                this.logger = logger;
                this.configuration = configuration;
            }

            public async Task<IReadOnlyList<Order{{i}}>> PendingOrdersAsync(string customer, CancellationToken cancellationToken)
            {
                var user = configuration["Odoo:User"] ?? "integration";
                var password = configuration[PasswordConfigurationKey] ?? throw new InvalidOperationException("Odoo:Password is not set");
                var token = Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + password));
                using var request = new HttpRequestMessage(HttpMethod.Get, ProductEndpoint + "?customer=" + Uri.EscapeDataString(customer));
                request.Headers.Authorization = new AuthenticationHeaderValue("Basic", token);
                logger.LogInformation("Fetching pending orders of {Customer} as {User}", customer, user);
                using var response = await http.SendAsync(request, cancellationToken);
                if (!response.IsSuccessStatusCode)
                {
                    logger.LogWarning("Odoo answered {Status} for {Customer}", (int)response.StatusCode, customer);
                    return Array.Empty<Order{{i}}>();
                }

                var orders = await JsonSerializer.DeserializeAsync<List<Order{{i}}>>(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken) ?? new List<Order{{i}}>();
                return orders.Where(o => o.Amount > 0).OrderBy(o => o.PlacedAt).ThenBy(o => o.Id).ToList();
            }

            public string ConnectionString(string host, int port)
            {
                var builder = new StringBuilder();
                builder.Append("Host=").Append(host).Append(";Port=").Append(port.ToString(System.Globalization.CultureInfo.InvariantCulture));
                builder.Append(";Database=").Append(configuration["Warehouse:Database"]).Append(";Username=app");
                return builder.ToString();
            }

            public decimal Total(IEnumerable<Order{{i}}> orders) => orders.GroupBy(o => o.Customer).Select(g => g.Sum(o => o.Amount)).DefaultIfEmpty().Max();

            public override string ToString() => $"{nameof(OdooConnector{{i}})} for {http.BaseAddress}";
        }
        """;

    private static string Records(int i) => $$"""
        namespace Generated.Features.Feature{{(i / 25).ToString("D2", CultureInfo.InvariantCulture)}};

        public enum Status{{i}} { Draft, Confirmed, Shipped, Invoiced, Cancelled }

        public sealed record Shipment{{i}}(string Reference, Status{{i}} Status, IReadOnlyList<string> Lines)
        {
            public bool IsOpen => Status is Status{{i}}.Draft or Status{{i}}.Confirmed;

            public static Shipment{{i}} Parse(string text)
            {
                var parts = text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                if (parts.Length < 2 || !Enum.TryParse<Status{{i}}>(parts[1], ignoreCase: true, out var status))
                {
                    throw new FormatException($"'{text}' is not a shipment");
                }

                return new Shipment{{i}}(parts[0], status, parts.Skip(2).ToList());
            }

            public string Describe() => Status switch
            {
                Status{{i}}.Draft => $"draft {Reference}",
                Status{{i}}.Shipped => $"{Reference} shipped with {Lines.Count} lines",
                _ => Reference,
            };
        }
        """;

    private static string Operator(int i) => $$"""
        using k8s.Models;

        namespace Generated.Features.Feature{{(i / 25).ToString("D2", CultureInfo.InvariantCulture)}};

        public static class WorkerTemplate{{i}}
        {
            public static V1Deployment Build(string tenant, int replicas) => new V1Deployment
            {
                Metadata = new V1ObjectMeta { Name = "odoo-worker-" + tenant, Labels = new Dictionary<string, string> { ["app"] = "odoo-worker" } },
                Spec = new V1DeploymentSpec
                {
                    Replicas = replicas,
                    Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = "odoo-worker" } },
                    Template = new V1PodTemplateSpec
                    {
                        Spec = new V1PodSpec
                        {
                            AutomountServiceAccountToken = false,
                            Containers = new List<V1Container>
                            {
                                new V1Container
                                {
                                    Name = "odoo",
                                    Image = "odoo:17.0@sha256:3f0338f9cc5af2c911f3f41afa8db89bddf771b563497e9c68f84f3b09cfca00",
                                    Resources = new V1ResourceRequirements
                                    {
                                        Requests = new Dictionary<string, ResourceQuantity> { ["cpu"] = new ResourceQuantity("500m"), ["memory"] = new ResourceQuantity("1Gi") },
                                        Limits = new Dictionary<string, ResourceQuantity> { ["memory"] = new ResourceQuantity("2Gi") },
                                    },
                                    SecurityContext = new V1SecurityContext { AllowPrivilegeEscalation = false, RunAsNonRoot = true, ReadOnlyRootFilesystem = true },
                                },
                            },
                        },
                    },
                },
            };
        }
        """;

    private static void Write(string directory, string relativePath, string text)
    {
        var path = Path.Combine(directory, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text.Replace("\r\n", "\n"));
    }
}
