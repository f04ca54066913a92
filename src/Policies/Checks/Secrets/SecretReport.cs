using System.Collections.Generic;
using PolicyKit.Policies.Secrets;
using PolicyKit.Policies.Yaml;

namespace PolicyKit.Policies.Checks.Secrets;

/// <summary>
/// Reports a detected secret. Every secrets check goes through here, so no message, argument or property can carry the
/// value: it arrives only as <see cref="SecretMask"/>'s masked form (<c>{masked}</c>) and fingerprint.
/// </summary>
internal static class SecretReport
{
    /// <summary>Records a finding at <paramref name="at"/>; <paramref name="secret"/> is masked, never shown.</summary>
    public static void Report(ViolationSink sink, YamlNode at, string fieldPath, JudgedSecret judged, string secret, params KeyValuePair<string, string>[] arguments)
    {
        var all = new List<KeyValuePair<string, string>>(arguments.Length + 3);
        all.AddRange(arguments);
        all.Add(ViolationSink.Argument("secretKind", judged.Description));
        all.Add(ViolationSink.Argument("masked", SecretMask.Mask(secret)));
        var properties = new[]
        {
            ViolationSink.Argument("secretType", judged.Type),
            ViolationSink.Argument("secretSha256", SecretMask.Fingerprint(secret).Substring("sha256:".Length)),
        };
        sink.Report(at, fieldPath, all, properties);
    }
}
