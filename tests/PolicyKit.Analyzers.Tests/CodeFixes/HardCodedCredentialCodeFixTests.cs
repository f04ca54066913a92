using System.Threading.Tasks;
using PolicyKit.Analyzers.CodeFixes;
using PolicyKit.Analyzers.Secrets;

namespace PolicyKit.Analyzers.Tests.CodeFixes;

public sealed class HardCodedCredentialCodeFixTests
{
    [Fact]
    public Task A_hard_coded_property_value_becomes_an_environment_lookup_named_after_the_property() =>
        Verify.CodeFixAsync<HardCodedCredentialAnalyzer, HardCodedCredentialCodeFix>("""
            using System;

            class OdooOptions
            {
                public string AdminPassword { get; set; } = {|PK7001:"Kq7!vXz29pLm"|};
            }
            """, """
            using System;

            class OdooOptions
            {
                public string AdminPassword { get; set; } = Environment.GetEnvironmentVariable("ADMIN_PASSWORD") ?? throw new InvalidOperationException("Set the ADMIN_PASSWORD environment variable.");
            }
            """);

    [Fact]
    public Task A_const_becomes_static_readonly_and_fix_all_fixes_every_credential_in_the_document() =>
        Verify.CodeFixAsync<HardCodedCredentialAnalyzer, HardCodedCredentialCodeFix>("""
            using System;
            using System.Collections.Generic;

            class Settings
            {
                private const string DbPassword = {|PK7001:"Zx9!mQ2#vL7pR4"|};

                void Configure(Dictionary<string, string> config)
                {
                    config["Odoo:ApiKey"] = {|PK7001:"q8Zr2LmX0vT7nB4kWp9sYc3d"|};
                }
            }
            """, """
            using System;
            using System.Collections.Generic;

            class Settings
            {
                private static readonly string DbPassword = Environment.GetEnvironmentVariable("DB_PASSWORD") ?? throw new InvalidOperationException("Set the DB_PASSWORD environment variable.");

                void Configure(Dictionary<string, string> config)
                {
                    config["Odoo:ApiKey"] = Environment.GetEnvironmentVariable("ODOO__API_KEY") ?? throw new InvalidOperationException("Set the ODOO__API_KEY environment variable.");
                }
            }
            """);
}
