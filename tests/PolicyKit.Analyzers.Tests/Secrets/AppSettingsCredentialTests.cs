using System.Threading.Tasks;
using PolicyKit.Analyzers.Secrets;

namespace PolicyKit.Analyzers.Tests.Secrets;

public sealed class AppSettingsCredentialTests
{
    private static string Masked(string value) => HardCodedCredentialTests.Masked(value);

    [Fact]
    public Task Credentials_in_appsettings_json_are_reported_in_the_json_file_at_the_value()
    {
        var test = Verify.Analyzer<AppSettingsCredentialAnalyzer>("class Program { }");
        Verify.AddAdditionalFile(test, "/0/appsettings.Production.json", """
            {
              // Comments are allowed, as the configuration provider allows them.
              "ConnectionStrings": {
                "Odoo": "Host=db;Username=odoo;Password=Xk29!vQzLp"
              },
              "Odoo": {
                "Url": "https://erp.example.com",
                "AdminPassword": "Kq7!vXz29pLm",
                "ApiKey": "${ODOO_API_KEY}",
                "DbPassword": "",
              }
            }
            """, input: "appsettings");
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("PK7003").WithSpan("/0/appsettings.Production.json", 4, 45, 4, 55)
            .WithArguments("ConnectionStrings:Odoo", "a password in a connection string", Masked("Xk29!vQzLp"), "appsettings.Production.json"));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("PK7003").WithSpan("/0/appsettings.Production.json", 8, 23, 8, 35)
            .WithArguments("Odoo:AdminPassword", "a password", Masked("Kq7!vXz29pLm"), "appsettings.Production.json"));
        return test.RunAsync();
    }

    [Fact]
    public Task Credentials_in_a_config_file_are_reported_under_their_key()
    {
        var test = Verify.Analyzer<AppSettingsCredentialAnalyzer>("class Program { }");
        Verify.AddAdditionalFile(test, "/0/App.config", """
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <appSettings>
                <add key="SmtpHost" value="smtp.example.com" />
                <add key="SmtpPassword" value="Mv4!tQ8zLr2x" />
              </appSettings>
            </configuration>
            """);
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("PK7003").WithSpan("/0/App.config", 5, 36, 5, 48)
            .WithArguments("SmtpPassword", "a password", Masked("Mv4!tQ8zLr2x"), "App.config"));
        return test.RunAsync();
    }

    [Fact]
    public Task Other_json_files_are_not_settings_files()
    {
        var test = Verify.Analyzer<AppSettingsCredentialAnalyzer>("class Program { }");
        Verify.AddAdditionalFile(test, "/0/package.json", """{ "password": "Kq7!vXz29pLm" }""");
        return test.RunAsync();
    }
}
