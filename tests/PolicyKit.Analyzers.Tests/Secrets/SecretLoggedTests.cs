using System.Threading.Tasks;
using PolicyKit.Analyzers.Secrets;

namespace PolicyKit.Analyzers.Tests.Secrets;

public sealed class SecretLoggedTests
{
    private const string ConfigurationStub = """

        namespace Microsoft.Extensions.Configuration
        {
            public interface IConfiguration
            {
                string? this[string key] { get; set; }
            }
        }
        """;

    [Fact]
    public Task Credential_named_symbols_and_configuration_values_passed_to_ILogger_are_reported() =>
        Verify.AnalyzerAsync<SecretLoggedAnalyzer>("""
            using Microsoft.Extensions.Configuration;
            using Microsoft.Extensions.Logging;

            class Connector
            {
                void Connect(ILogger logger, IConfiguration configuration, string user, string dbPassword)
                {
                    logger.LogInformation("Connecting as {User} with {Password}", user, {|#0:dbPassword|});
                    logger.LogDebug("Key {Key}", {|#1:configuration["Odoo:ApiKey"]|});
                }
            }
            """ + ConfigurationStub,
            Verify.Diagnostic("PK7004").WithLocation(0).WithArguments("Parameter \"dbPassword\"", "a log"),
            Verify.Diagnostic("PK7004").WithLocation(1).WithArguments("The configuration value \"Odoo:ApiKey\"", "a log"));

    [Fact]
    public Task Console_trace_and_exception_messages_are_sinks_also_through_interpolation_and_concatenation() =>
        Verify.AnalyzerAsync<SecretLoggedAnalyzer>("""
            using System;
            using System.Diagnostics;
            using System.Net;

            class Connector
            {
                private string apiToken = "";

                void Connect(NetworkCredential credential)
                {
                    Console.WriteLine($"token: {{|#0:apiToken|}}");
                    Trace.WriteLine("password " + {|#1:credential.Password|});
                    throw new InvalidOperationException("rejected " + {|#2:apiToken|});
                }
            }
            """,
            Verify.Diagnostic("PK7004").WithLocation(0).WithArguments("Field \"apiToken\"", "the console"),
            Verify.Diagnostic("PK7004").WithLocation(1).WithArguments("NetworkCredential.Password", "the trace output"),
            Verify.Diagnostic("PK7004").WithLocation(2).WithArguments("Field \"apiToken\"", "an exception message"));

    [Fact]
    public Task LoggerMessage_methods_secure_strings_and_types_implementing_IConfiguration_are_recognised() =>
        Verify.AnalyzerAsync<SecretLoggedAnalyzer>("""
            using System.Security;
            using Microsoft.Extensions.Configuration;
            using Microsoft.Extensions.Logging;

            static partial class Log
            {
                [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Signed in with {Secret}")]
                public static partial void SignedIn(ILogger logger, string secret);

                public static partial void SignedIn(ILogger logger, string secret) { }

                public static string Describe(ILogger logger, string secret) => secret;
            }

            sealed class AppConfiguration : IConfiguration
            {
                public string? this[string key] { get => null; set { } }
            }

            class Connector
            {
                void Connect(ILogger logger, AppConfiguration settings, string clientSecret, SecureString pin)
                {
                    Log.SignedIn(logger, {|#0:clientSecret|});
                    Log.Describe(logger, clientSecret);
                    System.Console.WriteLine({|#1:pin|});
                    System.Console.WriteLine({|#2:settings["Smtp:Password"]|});
                }
            }
            """ + ConfigurationStub,
            Verify.Diagnostic("PK7004").WithLocation(0).WithArguments("Parameter \"clientSecret\"", "a log"),
            Verify.Diagnostic("PK7004").WithLocation(1).WithArguments("A SecureString", "the console"),
            Verify.Diagnostic("PK7004").WithLocation(2).WithArguments("The configuration value \"Smtp:Password\"", "the console"));

    [Fact]
    public Task Names_lengths_cancellation_tokens_and_non_sinks_are_quiet() =>
        Verify.AnalyzerAsync<SecretLoggedAnalyzer>("""
            using System;
            using System.Threading;
            using Microsoft.Extensions.Logging;

            class Connector
            {
                void Connect(ILogger logger, string userName, string password, string passwordFile, CancellationToken token)
                {
                    logger.LogInformation("Connecting as {User} ({Length} chars) from {File}", userName, password.Length, passwordFile);
                    Console.WriteLine(token);
                    throw new ArgumentNullException(nameof(password));
                }
            }
            """);
}
