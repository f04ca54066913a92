using System.Threading.Tasks;
using PolicyKit.Analyzers.Secrets;

namespace PolicyKit.Analyzers.Tests.Secrets;

public sealed class HardCodedCredentialTests
{
    [Fact]
    public Task Constant_field_named_for_a_password_is_reported_at_its_value() =>
        Verify.AnalyzerAsync<HardCodedCredentialAnalyzer>("""
            class Settings
            {
                private const string DbPassword = {|#0:"Zx9!mQ2#vL7pR4"|};
            }
            """,
            Verify.Diagnostic("PK7001").WithLocation(0).WithArguments("Field", "DbPassword", "a password", Masked("Zx9!mQ2#vL7pR4")));

    [Fact]
    public Task Weak_password_in_a_local_is_named_weak() =>
        Verify.AnalyzerAsync<HardCodedCredentialAnalyzer>("""
            class Setup
            {
                void Run()
                {
                    var adminPassword = {|#0:"admin"|};
                    System.GC.KeepAlive(adminPassword);
                }
            }
            """,
            Verify.Diagnostic("PK7001").WithLocation(0).WithArguments("Variable", "adminPassword", "a weak password", Masked("admin")));

    [Fact]
    public Task NetworkCredential_password_argument_object_initializer_and_configuration_key_are_reported() =>
        Verify.AnalyzerAsync<HardCodedCredentialAnalyzer>("""
            using System.Collections.Generic;
            using System.Net;

            class Client
            {
                void Connect(Dictionary<string, string> config)
                {
                    var credential = new NetworkCredential("odoo", {|#0:"Kq7!vXz29pLm"|});
                    var other = new NetworkCredential { UserName = "odoo", Password = {|#1:"Kq7!vXz29pLm"|} };
                    config["Odoo:AdminPassword"] = {|#2:"Kq7!vXz29pLm"|};
                    System.GC.KeepAlive(credential);
                    System.GC.KeepAlive(other);
                }
            }
            """,
            Verify.Diagnostic("PK7001").WithLocation(0).WithArguments("Argument", "password", "a password", Masked("Kq7!vXz29pLm")),
            Verify.Diagnostic("PK7001").WithLocation(1).WithArguments("Property", "Password", "a password", Masked("Kq7!vXz29pLm")),
            Verify.Diagnostic("PK7001").WithLocation(2).WithArguments("Key", "Odoo:AdminPassword", "a password", Masked("Kq7!vXz29pLm")));

    [Fact]
    public Task Bearer_token_given_to_AuthenticationHeaderValue_is_reported() =>
        Verify.AnalyzerAsync<HardCodedCredentialAnalyzer>("""
            using System.Net.Http.Headers;

            class Client
            {
                AuthenticationHeaderValue Header() => new AuthenticationHeaderValue("Bearer", {|#0:"q8Zr2LmX0vT7nB4kWp9sYc3d"|});
            }
            """,
            Verify.Diagnostic("PK7001").WithLocation(0).WithArguments("Argument", "AuthenticationHeaderValue", "a token", Masked("q8Zr2LmX0vT7nB4kWp9sYc3d")));

    [Fact]
    public Task Placeholders_configuration_reads_paths_and_descriptive_names_are_quiet() =>
        Verify.AnalyzerAsync<HardCodedCredentialAnalyzer>("""
            using System.Collections.Generic;

            class Settings
            {
                private const string DbPassword = "${DB_PASSWORD}";
                private const string PasswordFile = "/run/secrets/db-password";
                private const string ApiKey = "";
                private const string PasswordHeader = "X-Odoo-Password";
                public string Password { get; set; } = "<changeme>";

                string Read(Dictionary<string, string> config)
                {
                    var password = config["Odoo:Password"];
                    var userName = "odoo";
                    return password + userName;
                }
            }
            """);

    [Fact]
    public Task Feature_flags_claim_types_and_setting_names_about_credentials_are_quiet() =>
        Verify.AnalyzerAsync<HardCodedCredentialAnalyzer>("""
            class Names
            {
                public const string RotateApiKeyFlag = "pm-4711-rotate-api-key";
                public const string ResetPasswordPrompt = "reset-password-prompt";
                public const string TokenIdentifier = "InviteToken";
                public const string Password = "password";
                public const string LicenseKey = "LicenseKey";
                public const string HashedPassword = "password_sha256_b64";
                public const string SecretsSetupScript = "setup_secrets.ps1";
            }
            """);

    [Fact]
    public Task A_weak_default_password_in_a_word_run_is_still_reported() =>
        Verify.AnalyzerAsync<HardCodedCredentialAnalyzer>("""
            class Seeder
            {
                internal const string DefaultPassword = {|#0:"change-me-password"|};
            }
            """,
            Verify.Diagnostic("PK7001").WithLocation(0).WithArguments("Field", "DefaultPassword", "a weak password", Masked("change-me-password")));

    [Fact]
    public Task A_test_project_is_quiet_unless_asked_to_include_it()
    {
        var test = Verify.Analyzer<HardCodedCredentialAnalyzer>("""
            class Fixture
            {
                private const string DbPassword = "Zx9!mQ2#vL7pR4";
            }
            """);
        Verify.SetGlobalOption(test, "build_property.IsTestProject", "true");
        return test.RunAsync();
    }

    [Fact]
    public Task A_recognised_token_is_left_to_PK7002() =>
        Verify.AnalyzerAsync<HardCodedCredentialAnalyzer>("""
            class Settings
            {
                private const string GitHubToken = "ghp_aB3dE5gH7jK9mN1pQ3sT5vW7yZ9bC1dF3gH5";
            }
            """);

    internal static string Masked(string value) => Policies.Secrets.SecretMask.Mask(value);
}
