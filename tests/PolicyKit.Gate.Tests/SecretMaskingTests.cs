using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Xunit.Sdk;

namespace PolicyKit.Gate.Tests;

/// <summary>
/// The real gate never prints a detected secret, in any format or on any stream: real-looking values are planted in a
/// Secret, a ConfigMap, an odoo.conf, a workload and a file that cannot be parsed, and no run's output may hold any six
/// consecutive characters of one of them, nor its base64 form. Failures name the secret by number, never by value.
/// </summary>
public sealed class SecretMaskingTests : IDisposable
{
    private static readonly string[] Planted =
    {
        "Zq8#vLx2@Wm7!Rk4", "Tb3Hy6Nc9Pd1Xw5Q", "gY7pQ2xV9mL4tR8w", "Jr5_Kd8-Ws2=Fm6", "uE4nB7cX1zA9sD3f",
        "Mw6Qp3Lz8Vt5Yb2N",

        // A GitHub-format token, assembled here so that the repository holds no token-shaped string. Its body has no
        // English words, which rule texts in the SARIF log could contain by chance.
        "gh" + "p_" + "Qz7Lw2Vx9Km4Tn8Rb3Hc6Yd1Pf5Jg0Ws2Xa4",
    };

    private readonly TempDirectory folder = new();

    public SecretMaskingTests()
    {
        var p = Planted;
        folder.Write("secret.yaml", $"apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\nstringData:\n  POSTGRES_PASSWORD: \"{p[0]}\"\ndata:\n  API_TOKEN: {Base64(p[6])}\n");
        folder.Write("config.yaml", $"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: env\ndata:\n  app.env: |\n    DB_PASSWORD={p[1]}\n");
        folder.Write("odoo.conf", $"[options]\nadmin_passwd = {p[2]}\ndb_password = {p[3]}\n");
        folder.Write("deploy.yaml", $"apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: odoo\nspec:\n  template:\n    spec:\n      containers:\n        - name: odoo\n          image: odoo:17.0\n          args: [\"--db_password\", \"{p[4]}\"]\n");
        folder.Write("broken.yaml", $"apiVersion: v1\nkind: Secret\nmetadata:\n  name: broken\nstringData:\n  password: \"{p[5]}\n");
    }

    public static TheoryData<string> Formats() => new() { "console", "json", "sarif" };

    [Theory]
    [MemberData(nameof(Formats))]
    public void No_report_format_prints_a_secret(string format)
    {
        var result = folder.Run("check", ".", "--format", format);

        GateAssert.ExitCode(1, result);
        AssertNoLeak(result.StandardOutput + result.StandardError, result);
    }

    [Fact]
    public void Every_planted_secret_is_found_so_the_absence_of_leaks_means_something()
    {
        var result = folder.Run("check", ".", "--format", "json");

        foreach (var (file, count) in new[] { ("secret.yaml", 2), ("config.yaml", 1), ("odoo.conf", 2), ("deploy.yaml", 1) })
        {
            var found = GateAssert.LinesOf(result, "PK3001", file).Count + GateAssert.LinesOf(result, "PK3003", file).Count
                + GateAssert.LinesOf(result, "PK3004", file).Count + GateAssert.LinesOf(result, "PK3005", file).Count
                + GateAssert.LinesOf(result, "PK3006", file).Count;
            Assert.True(found == count, $"{file}: expected {count} secrets findings, got {found}\n{result}");
        }
    }

    [Fact]
    public void Debug_output_of_a_run_prints_no_secret_either()
    {
        var result = PolicyKitProcess.Run(new[] { "check", ".", "--format", "console" }, folder.Path, environment: new Dictionary<string, string?> { ["POLICYKIT_DEBUG"] = "1" });

        AssertNoLeak(result.StandardOutput + result.StandardError, result);
    }

    public void Dispose() => folder.Dispose();

    private static void AssertNoLeak(string output, PolicyKitResult result)
    {
        var leaks = new List<string>();
        for (var s = 0; s < Planted.Length; s++)
        {
            foreach (var form in new[] { Planted[s], Base64(Planted[s]) })
            {
                for (var i = 0; i + 6 <= form.Length; i++)
                {
                    if (output.Contains(form.Substring(i, 6), StringComparison.Ordinal))
                    {
                        leaks.Add($"planted secret #{s} leaked (characters {i}–{i + 5} of {(form == Planted[s] ? "the value" : "its base64")})");
                        break;
                    }
                }
            }
        }

        if (leaks.Count > 0)
        {
            // The run itself is not shown: it would print the very secrets that leaked.
            throw new XunitException($"policykit {string.Join(" ", result.Arguments)}: {string.Join("; ", leaks)}");
        }
    }

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
}
