using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace PolicyKit.Policies.Tests.Secrets;

/// <summary>
/// Real-looking secrets placed in every position the secrets rules judge, and a check that no output holds any of
/// them — not whole, not in part (any 6 consecutive characters), not base64-encoded.
/// </summary>
internal static class SecretLeaks
{
    /// <summary>Random-looking values, each distinctive enough that any 6 of its characters in a row would be a leak.</summary>
    public static readonly string[] Passwords =
    {
        "Zq8#vLx2@Wm7!Rk4", "Tb3$Hy6^Nc9&Pd1", "gY7pQ2xV9mL4tR8w", "Jr5_Kd8-Ws2=Fm6", "uE4nB7cX1zA9sD3f",
        "Mw6*Qp3(Lz8)Vt5", "hS2kF9dG6jL3aP7q", "Xc1%Nv4+Bm7~Qw0", "pR8tY5uI2oL6kJ9h", "Dv7Gb4Nm1Kj8Hf5",
    };

    /// <summary>Provider tokens (generated), whose 12 characters after the prefix are checked.</summary>
    public static readonly string[] Tokens =
    {
        FakeSecrets.For("github-token"), FakeSecrets.For("stripe-key"), FakeSecrets.For("sendgrid-api-key"), FakeSecrets.For("jwt"),
    };

    public static string Manifests()
    {
        var p = Passwords;
        var t = Tokens;
        return $$"""
            apiVersion: v1
            kind: Secret
            metadata:
              name: leak-secret
            stringData:
              POSTGRES_PASSWORD: "{{p[0]}}"
              api: {{t[0]}}
            data:
              ADMIN_PASSWORD: {{Base64(p[1])}}
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: leak-config
            data:
              SMTP_PASSWORD: "{{p[2]}}"
              app.env: |
                DB_PASSWORD={{p[3]}}
                STRIPE={{t[1]}}
              odoo.conf: |
                [options]
                admin_passwd = {{p[4]}}
                db_password = {{p[5]}}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: leak-workload
              annotations:
                ci.example/token: {{t[2]}}
            spec:
              template:
                spec:
                  containers:
                    - name: app
                      image: odoo:17.0
                      args: ["--db_password", "{{p[6]}}", "--db-uri=postgresql://odoo:{{p[7]}}@db/odoo"]
                      env:
                        - name: PASSWORD
                          value: "{{p[8]}}"
                        - name: AUTH
                          value: "{{t[3]}}"
            ---
            apiVersion: example.com/v1
            kind: Widget
            metadata:
              name: leak-custom
            spec:
              auth:
                password: "{{p[9]}}"
            """;
    }

    /// <summary>Files that cannot be read, each with a secret near the place the parser gives up.</summary>
    public static IEnumerable<(string Name, string Text)> BrokenFiles()
    {
        var p = Passwords;
        yield return ("unclosed-quote.yaml", $"apiVersion: v1\nkind: Secret\nmetadata:\n  name: a\nstringData:\n  password: \"{p[0]}\n");
        yield return ("alias.yaml", $"apiVersion: v1\nkind: Secret\nmetadata:\n  name: a\nstringData:\n  password: *{p[1].Replace("#", "x").Replace("@", "y").Replace("!", "z")}\n");
        yield return ("tab.yaml", $"apiVersion: v1\nkind: Secret\nmetadata:\n  name: a\nstringData:\n\tpassword: {p[2]}\n");
        yield return ("flow.yaml", $"apiVersion: v1\nkind: Secret\nmetadata:\n  name: a\nstringData: [{p[3]}\n");
        yield return ("escape.yaml", $"apiVersion: v1\nkind: Secret\nmetadata:\n  name: a\nstringData:\n  password: \"\\q{p[4]}\"\n");
        yield return ("duplicate.yaml", $"apiVersion: v1\nkind: Secret\nmetadata:\n  name: a\nstringData:\n  password: {p[5]}\n  password: {p[6]}\n");
        yield return ("mapping-value.yaml", $"apiVersion: v1\nkind: Secret\nmetadata:\n  name: a\nstringData:\n  password: {p[7]}: {p[8]}\n");
        yield return ("json.json", $"{{\"apiVersion\": \"v1\", \"kind\": \"Secret\", \"stringData\": {{\"password\": \"{p[9]}\" \"x\": 1}}}}");
    }

    /// <summary>Every leak of the secrets in <paramref name="output"/>, described without the secret itself.</summary>
    public static List<string> Leaks(string output)
    {
        var leaks = new List<string>();
        foreach (var secret in Passwords.Concat(Tokens.Select(TokenBody)))
        {
            foreach (var form in new[] { secret, Base64(secret), JsonText(secret) })
            {
                for (var i = 0; i + 6 <= form.Length; i++)
                {
                    if (output.IndexOf(form.Substring(i, 6), StringComparison.Ordinal) >= 0)
                    {
                        leaks.Add($"six characters of the secret {Array.IndexOf(Passwords, secret)} ({PolicyKit.Policies.Secrets.SecretMask.Mask(secret)}) at offset {i} of one of its forms");
                        break;
                    }
                }
            }
        }

        return leaks;
    }

    private static string TokenBody(string token) => token.Substring(token.IndexOfAny(new[] { '_', '.', '-' }) + 1, 12);

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    private static string JsonText(string text) => JsonSerializer.Serialize(text).Trim('"');
}
