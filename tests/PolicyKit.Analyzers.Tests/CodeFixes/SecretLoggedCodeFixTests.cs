using System.Threading.Tasks;
using PolicyKit.Analyzers.CodeFixes;
using PolicyKit.Analyzers.Secrets;

namespace PolicyKit.Analyzers.Tests.CodeFixes;

public sealed class SecretLoggedCodeFixTests
{
    [Fact]
    public Task The_secret_argument_is_removed_and_its_template_hole_redacted() =>
        Verify.CodeFixAsync<SecretLoggedAnalyzer, SecretLoggedCodeFix>("""
            using Microsoft.Extensions.Logging;

            class Connector
            {
                void Connect(ILogger logger, string user, string dbPassword)
                {
                    logger.LogInformation("Connecting as {User} with {Password} now", user, {|PK7004:dbPassword|});
                }
            }
            """, """
            using Microsoft.Extensions.Logging;

            class Connector
            {
                void Connect(ILogger logger, string user, string dbPassword)
                {
                    logger.LogInformation("Connecting as {User} with *** now", user);
                }
            }
            """);

    [Fact]
    public Task Fix_all_removes_console_arguments_and_redacts_interpolations() =>
        Verify.CodeFixAsync<SecretLoggedAnalyzer, SecretLoggedCodeFix>("""
            using System;

            class Connector
            {
                void Connect(string apiToken, string password)
                {
                    Console.WriteLine({|PK7004:password|});
                    Console.WriteLine($"token {{|PK7004:apiToken|}} in use");
                    Console.Error.WriteLine("password: " + {|PK7004:password|});
                }
            }
            """, """
            using System;

            class Connector
            {
                void Connect(string apiToken, string password)
                {
                    Console.WriteLine();
                    Console.WriteLine($"token *** in use");
                    Console.Error.WriteLine("password: " + "***");
                }
            }
            """);
}
