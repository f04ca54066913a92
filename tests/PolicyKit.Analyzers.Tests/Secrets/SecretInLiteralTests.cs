using System.Threading.Tasks;
using PolicyKit.Analyzers.Secrets;

namespace PolicyKit.Analyzers.Tests.Secrets;

public sealed class SecretInLiteralTests
{
    private static string Masked(string value) => HardCodedCredentialTests.Masked(value);

    [Fact]
    public Task Provider_token_is_reported_at_the_token_inside_the_literal_whatever_it_is_assigned_to() =>
        Verify.AnalyzerAsync<SecretInLiteralAnalyzer>("""
            class Publisher
            {
                private readonly string header = "token {|#0:ghp_aB3dE5gH7jK9mN1pQ3sT5vW7yZ9bC1dF3gH5|}";
            }
            """,
            Verify.Diagnostic("PK7002").WithLocation(0).WithArguments("a GitHub token", Masked("ghp_aB3dE5gH7jK9mN1pQ3sT5vW7yZ9bC1dF3gH5")));

    [Fact]
    public Task Passwords_in_connection_strings_and_urls_are_reported_also_in_interpolated_and_utf8_literals() =>
        Verify.AnalyzerAsync<SecretInLiteralAnalyzer>("""
            class Database
            {
                private const string Odoo = "Host=db;Username=odoo;Password={|#0:Xk29!vQzLp|}";
                private static readonly System.ReadOnlyMemory<byte> Redis = "redis://:{|#1:Rz8pLq2VxN4m|}@cache:6379"u8.ToArray();

                string Url(string host) => $"postgresql://odoo:{|#2:Xk29vQzLp7|}@{host}:5432/odoo";
            }
            """,
            Verify.Diagnostic("PK7002").WithLocation(0).WithArguments("a password in a connection string", Masked("Xk29!vQzLp")),
            Verify.Diagnostic("PK7002").WithLocation(1).WithArguments("a password in a URL", Masked("Rz8pLq2VxN4m")),
            Verify.Diagnostic("PK7002").WithLocation(2).WithArguments("a password in a URL", Masked("Xk29vQzLp7")));

    [Fact]
    public Task Placeholders_references_and_prose_are_quiet() =>
        Verify.AnalyzerAsync<SecretInLiteralAnalyzer>("""
            class Database
            {
                private const string Odoo = "Host=db;Username=odoo;Password=${DB_PASSWORD}";
                private const string Url = "postgresql://odoo@db:5432/odoo";
                private const string Help = "Pass the bearer token in the Authorization header.";
                private const string Template = "Password={0};Host={1}";
            }
            """);
}
