using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace PolicyKit.Policies.Secrets;

/// <summary>
/// Finds credential-named settings in one line of an embedded file — <c>.env</c> (<c>DB_PASSWORD=odoo</c>), properties
/// (<c>spring.datasource.password=…</c>), INI and YAML (<c>password: …</c>), JSON (<c>"password": "…"</c>), shell
/// (<c>export PGPASSWORD=…</c>) and command lines (<c>--db_password=…</c>, <c>--requirepass …</c>) — and judges their
/// values. Values that are code rather than literals (<c>password=password</c>, <c>os.getenv("X")</c>,
/// <c>$PASSWORD</c>) are skipped.
/// </summary>
public static partial class AssignmentScanner
{
    private const string AssignmentText = @"(?<![A-Za-z0-9_.\-])(?<flag>--?)?(?<q>[""']?)(?<key>[A-Za-z_][A-Za-z0-9_.\-]{0,100})\k<q>(?<before>[ \t]*)(?<op>:=|=>|=|:)(?![/\\=])(?<after>[ \t]*)(?:""(?<dq>(?:[^""\\\r\n]|\\.){0,1024})""|'(?<sq>[^'\r\n]{0,1024})'|(?<bare>[^\s,;'""}\])>{\[|&*!#][^\s,;'""}\])>]{0,1023}))";

#if NET
    private static readonly Regex Assignment = AssignmentGenerated();

    [GeneratedRegex(AssignmentText, RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, TokenRegex.TimeoutMilliseconds)]
    private static partial Regex AssignmentGenerated();
#else
    private static readonly Regex Assignment = TokenRegex.Create(
        AssignmentText);
#endif

    /// <summary>redis.conf and sentinel.conf directives: <c>requirepass …</c>, <c>masterauth …</c>.</summary>
    private const string DirectiveText = @"^[ \t]*(?<key>requirepass|masterauth|sentinel[ \t]+auth-pass[ \t]+\S+)[ \t]+(?:""(?<dq>[^""\r\n]{0,1024})""|'(?<sq>[^'\r\n]{0,1024})'|(?<bare>[^\s""']{1,1024}))";

#if NET
    private static readonly Regex Directive = DirectiveGenerated();

    [GeneratedRegex(DirectiveText, RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.IgnoreCase, TokenRegex.TimeoutMilliseconds)]
    private static partial Regex DirectiveGenerated();
#else
    private static readonly Regex Directive = TokenRegex.Create(
        DirectiveText,
        RegexOptions.IgnoreCase);
#endif

    /// <summary>A <c>.pgpass</c> line: <c>host:port:database:user:password</c>.</summary>
    private const string PgpassLineText = @"^[ \t]*[A-Za-z0-9_.*-]+:(?:[0-9]{1,5}|\*):[A-Za-z0-9_.*-]+:[A-Za-z0-9_.@*-]+:(?<bare>\S{1,256})[ \t]*$";

#if NET
    private static readonly Regex PgpassLine = PgpassLineGenerated();

    [GeneratedRegex(PgpassLineText, RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, TokenRegex.TimeoutMilliseconds)]
    private static partial Regex PgpassLineGenerated();
#else
    private static readonly Regex PgpassLine = TokenRegex.Create(
        PgpassLineText);
#endif

    private const string SpacedFlagText = @"(?<![A-Za-z0-9_])--(?<key>[A-Za-z][A-Za-z0-9_.\-]{0,100})[ \t]+(?:""(?<dq>[^""\r\n]{0,1024})""|'(?<sq>[^'\r\n]{0,1024})'|(?<bare>[^\s""'\-][^\s""']{0,1023}))";

#if NET
    private static readonly Regex SpacedFlag = SpacedFlagGenerated();

    [GeneratedRegex(SpacedFlagText, RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, TokenRegex.TimeoutMilliseconds)]
    private static partial Regex SpacedFlagGenerated();
#else
    private static readonly Regex SpacedFlag = TokenRegex.Create(
        SpacedFlagText);
#endif

    /// <summary>Adds the credential settings of <paramref name="line"/> that hold literal secrets, skipping spans already found.</summary>
    public static void Scan(string line, List<JudgedSecret> found)
    {
        if (!CredentialStems.OccurIn(line))
        {
            return;
        }

        var position = 0;
        for (var match = Assignment.Match(line); match.Success; match = Assignment.Match(line, position))
        {
            var key = match.Groups["key"].Value;
            var credential = CredentialName.Classify(key);
            var op = match.Groups["op"];
            if (!credential.IsCredential || IsVariableReference(match))
            {
                // --api=https://host/x?access_token=…: keep looking inside the value of a setting that is not a credential.
                position = op.Index + op.Length;
                continue;
            }

            position = match.Index + match.Length;

            var value = ValueOf(match, out var quoted);
            var valueText = value.Value;
            var valueIndex = value.Index;
            if (!quoted && ExtendsToEndOfLine(line, match))
            {
                (valueIndex, valueText) = RestOfLine(line, valueIndex);
                if (valueText.IndexOf(' ') >= 0)
                {
                    // "password: use your SSO account" in a README or a description is prose, not a password.
                    continue;
                }
            }

            Judge(credential, key, valueText, valueIndex, quoted, found);
        }

        var pgpass = PgpassLine.Match(line);
        if (pgpass.Success)
        {
            var value = pgpass.Groups["bare"];
            Judge(CredentialName.Classify("password"), "pgpass", value.Value, value.Index, false, found);
        }

        var directive = Directive.Match(line);
        if (directive.Success)
        {
            var value = ValueOf(directive, out var quoted);
            Judge(CredentialName.Classify("password"), "requirepass", value.Value, value.Index, quoted, found);
        }

        for (var match = SpacedFlag.Match(line); match.Success; match = match.NextMatch())
        {
            var key = match.Groups["key"].Value;
            var credential = CredentialName.Classify(key);
            if (credential.IsCredential && !credential.IsAmbiguous)
            {
                var value = ValueOf(match, out var quoted);
                Judge(credential, key, value.Value, value.Index, quoted, found);
            }
        }
    }

    private static void Judge(CredentialName credential, string key, string value, int index, bool quoted, List<JudgedSecret> found)
    {
        if (value.Length == 0 || (!quoted && LooksLikeCode(key, value)) || Overlaps(found, index, value.Length))
        {
            return;
        }

        var judged = SecretJudge.Judge(credential, value);
        if (judged.IsFound)
        {
            found.Add(judged.Shifted(index).Named(key));
        }
    }

    /// <summary><c>PASSWORD :'pw'</c>: psql's variable interpolation, a colon glued to the value but not to the name.</summary>
    private static bool IsVariableReference(Match match) =>
        match.Groups["op"].Value == ":" && match.Groups["before"].Length > 0 && match.Groups["after"].Length == 0;

    private static Group ValueOf(Match match, out bool quoted)
    {
        var dq = match.Groups["dq"];
        if (dq.Success)
        {
            quoted = true;
            return dq;
        }

        var sq = match.Groups["sq"];
        quoted = sq.Success;
        return sq.Success ? sq : match.Groups["bare"];
    }

    /// <summary>
    /// <c>key = value</c> and <c>key: value</c> at the start of a line (INI, YAML, properties) run to the end of the line;
    /// <c>KEY=value</c> without spaces is shell or <c>.env</c>, where a space ends the value.
    /// </summary>
    private static bool ExtendsToEndOfLine(string line, Match match)
    {
        var spaced = match.Groups["before"].Length > 0 || match.Groups["after"].Length > 0 || match.Groups["op"].Value == ":";
        if (!spaced || match.Groups["flag"].Success)
        {
            return false;
        }

        for (var i = 0; i < match.Index; i++)
        {
            if (!char.IsWhiteSpace(line[i]) && line[i] != '-')
            {
                return false;
            }
        }

        return true;
    }

    private static (int Index, string Text) RestOfLine(string line, int start)
    {
        var end = line.Length;
        for (var i = start; i < line.Length - 1; i++)
        {
            // A comment after the value (YAML, shell, .env): " # ...".
            if (char.IsWhiteSpace(line[i]) && line[i + 1] == '#')
            {
                end = i;
                break;
            }
        }

        while (end > start && char.IsWhiteSpace(line[end - 1]))
        {
            end--;
        }

        return (start, line.Substring(start, end - start));
    }

    /// <summary>Variables and expressions in scripts and code: the literal, if any, is elsewhere.</summary>
    private static bool LooksLikeCode(string key, string value)
    {
        if (value.IndexOf('(') >= 0 || value[0] == '$' || value[0] == '`' || value[0] == '%')
        {
            return true;
        }

        if (SameWord(key, value))
        {
            return true;
        }

        // self.password, settings.DB_PASSWORD, config["x"]: a dotted or indexed identifier.
        var dots = 0;
        foreach (var c in value)
        {
            if (c == '.')
            {
                dots++;
            }
            else if (!(char.IsLetterOrDigit(c) || c == '_'))
            {
                return value.IndexOf('[') > 0 && char.IsLetter(value[0]);
            }
        }

        return dots > 0 && char.IsLetter(value[0]) && !char.IsDigit(value[value.Length - 1]);
    }

    private static bool SameWord(string key, string value)
    {
        var k = 0;
        var v = 0;
        while (true)
        {
            while (k < key.Length && !char.IsLetterOrDigit(key[k]))
            {
                k++;
            }

            while (v < value.Length && !char.IsLetterOrDigit(value[v]))
            {
                v++;
            }

            if (k == key.Length || v == value.Length)
            {
                return k == key.Length && v == value.Length;
            }

            if (char.ToLowerInvariant(key[k]) != char.ToLowerInvariant(value[v]))
            {
                return false;
            }

            k++;
            v++;
        }
    }

    private static bool Overlaps(List<JudgedSecret> found, int index, int length)
    {
        foreach (var existing in found)
        {
            if (index < existing.Index + existing.Length && existing.Index < index + length)
            {
                return true;
            }
        }

        return false;
    }
}
