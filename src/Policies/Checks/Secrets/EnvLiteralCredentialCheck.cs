using PolicyKit.Policies.Model;
using PolicyKit.Policies.Secrets;
using PolicyKit.Policies.Yaml;

namespace PolicyKit.Policies.Checks.Secrets;

/// <summary>
/// A container's environment variable set to a literal credential (<c>value:</c>) instead of
/// <c>valueFrom.secretKeyRef</c>: judged by the variable's name (<c>POSTGRES_PASSWORD</c>, <c>*_TOKEN</c>,
/// <c>API_KEY</c>, <c>DB_PASS</c>…) and by the value (a recognised token or a password inside a URL is reported whatever
/// the variable is called). <c>PGDATA=/var/lib/…</c>, <c>LANG=C.UTF-8</c> or <c>USER=odoo</c> are not credentials;
/// neither are placeholders, <c>$(VAR)</c> references, empty values and switches such as <c>ENABLE_PASSWORD_RESET=true</c>.
/// Every container list is judged: init containers hold database passwords as often as the main one.
/// </summary>
public sealed class EnvLiteralCredentialCheck : Check
{
    public EnvLiteralCredentialCheck(CheckParameters parameters)
    {
    }

    public override bool AppliesToKind(string kind) => PodBearingKinds.TryGetPodSpecPath(kind, out _);

    public override void Evaluate(Resource resource, ViolationSink sink)
    {
        if (resource.PodSpec is not { } podSpec)
        {
            return;
        }

        foreach (var list in PodSpecView.ContainerLists)
        {
            foreach (var container in podSpec.ContainersIn(list))
            {
                EvaluateContainer(resource, container, sink);
            }
        }
    }

    private static void EvaluateContainer(Resource resource, ContainerView container, ViolationSink sink)
    {
        if (container.Node.GetSequence("env") is not { } env)
        {
            return;
        }

        foreach (var item in env.Items)
        {
            if (item is not MappingNode variable
                || variable.GetString("name") is not { } name
                || variable.GetScalar("value") is not { IsNull: false } value)
            {
                continue;
            }

            var path = container.Path + ".env[name=" + name + "].value";
            if (value.Value.IndexOf('\n') >= 0)
            {
                foreach (var embedded in EmbeddedTextScanner.Scan(value.Value))
                {
                    var at = ValueLocation.Of(resource, value, embedded.Offset, embedded.Value.Length);
                    Report(sink, container, name, at, path, embedded.Secret, embedded.Value);
                }

                continue;
            }

            var judged = SecretJudge.Judge(name, value.Value);
            if (judged.IsFound)
            {
                Report(sink, container, name, ValueLocation.Of(resource, value, judged.Index, judged.Length), path, judged, judged.SecretIn(value.Value));
            }
        }
    }

    private static void Report(ViolationSink sink, ContainerView container, string variable, YamlNode at, string path, JudgedSecret judged, string secret) =>
        SecretReport.Report(
            sink,
            at,
            path,
            judged,
            secret,
            ViolationSink.Argument("container", container.Name),
            ViolationSink.Argument("variable", variable));
}
