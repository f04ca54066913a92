using System;
using System.Text.RegularExpressions;
using PolicyKit.Policies.Model;
using PolicyKit.Policies.Yaml;

namespace PolicyKit.Policies.Checks.Platform;

/// <summary>
/// Redis authentication, by <c>problem</c>. <c>unauthenticated</c>: the server accepts clients without a password — the
/// official image started without <c>--requirepass</c>, an ACL file, a configuration file or a password variable (its
/// entrypoint also turns protected mode off), or a Bitnami image told <c>ALLOW_EMPTY_PASSWORD=yes</c>.
/// <c>command-line-password</c>: <c>--requirepass</c> or <c>--masterauth</c> followed by a literal, which every reader of
/// the manifest and of the pod spec sees (a <c>$(VAR)</c> or <c>$VAR</c> reference to a Secret-fed variable is fine).
/// Literal password variables are the secrets pack's (PK3002).
/// </summary>
public sealed class RedisAuthCheck : Check
{
    private static readonly Regex PasswordFlag = new(@"--(?<flag>requirepass|masterauth)(?:\s+|=)(?<value>""[^""]*""|'[^']*'|\S+)", RegexOptions.CultureInvariant | RegexOptions.Compiled);

    private readonly bool literalPassword;

    public RedisAuthCheck(CheckParameters parameters)
    {
        literalPassword = parameters.GetChoice("problem", new[] { "unauthenticated", "command-line-password" }, "unauthenticated") == "command-line-password";
    }

    public override bool AppliesToKind(string kind) => PodBearingKinds.TryGetPodSpecPath(kind, out _);

    public override void Evaluate(Resource resource, ViolationSink sink)
    {
        foreach (var redis in RedisContainer.In(resource))
        {
            if (literalPassword)
            {
                ReportLiteralPasswords(redis, sink);
            }
            else
            {
                ReportMissingAuthentication(redis, sink);
            }
        }
    }

    private static void ReportMissingAuthentication(RedisContainer redis, ViolationSink sink)
    {
        var container = redis.Container;
        if (redis.Env("ALLOW_EMPTY_PASSWORD") is { } allowEmpty && allowEmpty.GetScalar("value") is { IsNull: false } allow
            && (allow.AsBoolean() == true || allow.Value.Equals("yes", StringComparison.OrdinalIgnoreCase) || allow.Value.Equals("true", StringComparison.OrdinalIgnoreCase)))
        {
            sink.Report(allow, container.Path + ".env[name=ALLOW_EMPTY_PASSWORD].value", ViolationSink.Argument("container", container.Name), ViolationSink.Argument("reason", "ALLOW_EMPTY_PASSWORD lets the Bitnami image start without a password"));
            return;
        }

        if (redis.IsBitnami || HasAuthenticationSource(redis))
        {
            return;
        }

        sink.Report(container.Anchor, container.Path, ViolationSink.Argument("container", container.Name), ViolationSink.Argument("reason", "it starts without --requirepass, an ACL file or a configuration file, so any client that reaches it may read and write"));
    }

    /// <summary>
    /// Anything that may set a password the manifest cannot show: the flags, a configuration or ACL file (its
    /// <c>requirepass</c> is out of sight), a password variable, or variables loaded wholesale from a Secret.
    /// </summary>
    private static bool HasAuthenticationSource(RedisContainer redis)
    {
        var commandLine = redis.CommandLine;
        if (commandLine.IndexOf("requirepass", StringComparison.Ordinal) >= 0
            || commandLine.IndexOf("--aclfile", StringComparison.Ordinal) >= 0
            || commandLine.IndexOf("--user ", StringComparison.Ordinal) >= 0
            || commandLine.IndexOf(".conf", StringComparison.Ordinal) >= 0)
        {
            return true;
        }

        foreach (var name in new[] { "REDIS_PASSWORD", "REDIS_PASSWORD_FILE", "VALKEY_PASSWORD", "VALKEY_PASSWORD_FILE", "REDIS_ARGS" })
        {
            if (redis.Env(name) is not null)
            {
                return true;
            }
        }

        foreach (var item in redis.Container.Node.GetSequence("envFrom")?.Items ?? Array.Empty<YamlNode>())
        {
            if (item is MappingNode source && source.Get("secretRef") is not null)
            {
                return true;
            }
        }

        return false;
    }

    private static void ReportLiteralPasswords(RedisContainer redis, ViolationSink sink)
    {
        foreach (var (node, path) in redis.Arguments())
        {
            foreach (Match match in PasswordFlag.Matches(node.Value))
            {
                var value = match.Groups["value"].Value.Trim('"', '\'');
                if (value.Length == 0 || value.IndexOf('$') >= 0)
                {
                    continue;
                }

                sink.Report(node, path, ViolationSink.Argument("container", redis.Container.Name), ViolationSink.Argument("flag", "--" + match.Groups["flag"].Value));
            }
        }

        // The flag and its value as two items: ["--requirepass", "s3cret"].
        string? previousFlag = null;
        foreach (var (node, path) in redis.Arguments())
        {
            if (previousFlag is not null && node.Value.Length > 0 && node.Value.IndexOf('$') < 0)
            {
                sink.Report(node, path, ViolationSink.Argument("container", redis.Container.Name), ViolationSink.Argument("flag", previousFlag));
            }

            previousFlag = node.Value is "--requirepass" or "--masterauth" ? node.Value : null;
        }
    }
}
