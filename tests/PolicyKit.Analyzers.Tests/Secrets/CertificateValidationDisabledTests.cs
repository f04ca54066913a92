using System.Threading.Tasks;
using PolicyKit.Analyzers.Secrets;

namespace PolicyKit.Analyzers.Tests.Secrets;

public sealed class CertificateValidationDisabledTests
{
    [Fact]
    public Task A_callback_that_always_returns_true_and_the_dangerous_validator_are_reported() =>
        Verify.AnalyzerAsync<CertificateValidationDisabledAnalyzer>("""
            using System.Net.Http;
            using System.Net.Security;

            class Client
            {
                HttpClientHandler Lenient() => new HttpClientHandler
                {
                    ServerCertificateCustomValidationCallback = {|#0:(message, certificate, chain, errors) => true|},
                };

                HttpClientHandler Dangerous() => new HttpClientHandler
                {
                    ServerCertificateCustomValidationCallback = {|#1:HttpClientHandler.DangerousAcceptAnyServerCertificateValidator|},
                };

                SslClientAuthenticationOptions Options() => new SslClientAuthenticationOptions
                {
                    RemoteCertificateValidationCallback = {|#2:delegate { return true; }|},
                };
            }
            """,
            Verify.Diagnostic("PK7005").WithLocation(0).WithArguments("This certificate validation callback"),
            Verify.Diagnostic("PK7005").WithLocation(1).WithArguments("HttpClientHandler.DangerousAcceptAnyServerCertificateValidator"),
            Verify.Diagnostic("PK7005").WithLocation(2).WithArguments("This certificate validation callback"));

    [Fact]
    public Task A_callback_that_checks_the_errors_is_quiet() =>
        Verify.AnalyzerAsync<CertificateValidationDisabledAnalyzer>("""
            using System.Net.Http;
            using System.Net.Security;

            class Client
            {
                HttpClientHandler Strict() => new HttpClientHandler
                {
                    ServerCertificateCustomValidationCallback = (message, certificate, chain, errors) =>
                    {
                        if (errors == SslPolicyErrors.None)
                        {
                            return true;
                        }

                        return certificate?.Thumbprint == "3F2A9C1B";
                    },
                };
            }
            """);
}
