using System.Threading.Tasks;
using PolicyKit.Analyzers.Manifests;

namespace PolicyKit.Analyzers.Tests.Manifests;

public sealed class ManifestAnalyzerTests
{
    private const string PrivilegedPod = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: odoo
        spec:
          containers:
            - name: odoo
              image: odoo:17.0@sha256:3f0338f9cc5af2c911f3f41afa8db89bddf771b563497e9c68f84f3b09cfca00
              securityContext:
                privileged: true  # needed for the filestore
                allowPrivilegeEscalation: false
                runAsNonRoot: true
                readOnlyRootFilesystem: true
              resources:
                requests: { cpu: 500m, memory: 1Gi }
                limits: { memory: 2Gi }
              livenessProbe: { httpGet: { path: /web/health, port: 8069 } }
              readinessProbe: { httpGet: { path: /web/health, port: 8069 } }
          automountServiceAccountToken: false
        """;

    [Fact]
    public Task A_manifest_finding_is_located_in_the_yaml_with_the_engine_id_and_message()
    {
        var test = Verify.Analyzer<ManifestAnalyzer>("class Program { }");
        Verify.AddAdditionalFile(test, "/0/deploy/pod.yaml", PrivilegedPod, input: "manifest");
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("PK1007").WithSpan("/0/deploy/pod.yaml", 10, 21, 10, 25)
            .WithArguments("container \"odoo\" sets securityContext.privileged: true; remove it or add an exception"));
        return test.RunAsync();
    }

    [Fact]
    public Task A_weak_master_password_in_odoo_conf_is_reported_at_the_value()
    {
        var test = Verify.Analyzer<ManifestAnalyzer>("class Program { }");
        Verify.AddAdditionalFile(test, "/0/deploy/odoo.conf", "[options]\nadmin_passwd = admin\ndb_host = db\n", input: "manifest");
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("PK3005").WithSpan("/0/deploy/odoo.conf", 2, 16, 2, 21));
        return test.RunAsync();
    }

    [Fact]
    public Task A_malformed_manifest_is_reported_and_other_files_are_still_judged()
    {
        var test = Verify.Analyzer<ManifestAnalyzer>("class Program { }");
        Verify.AddAdditionalFile(test, "/0/deploy/broken.yaml", "apiVersion: v1\nkind: Pod\nmetadata: [unclosed\n", input: "manifest");
        Verify.AddAdditionalFile(test, "/0/deploy/pod.yaml", PrivilegedPod, input: "manifest");
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("PK0001").WithSpan("/0/deploy/broken.yaml", 4, 1, 4, 1));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("PK1007").WithSpan("/0/deploy/pod.yaml", 10, 21, 10, 25));
        return test.RunAsync();
    }

    [Fact]
    public Task Additional_files_without_the_manifest_metadata_are_not_judged()
    {
        var test = Verify.Analyzer<ManifestAnalyzer>("class Program { }");
        Verify.AddAdditionalFile(test, "/0/deploy/pod.yaml", PrivilegedPod);
        return test.RunAsync();
    }

    [Fact]
    public Task With_PolicyKit_Build_reporting_manifests_the_analyzer_stays_quiet()
    {
        var test = Verify.Analyzer<ManifestAnalyzer>("class Program { }");
        Verify.AddAdditionalFile(test, "/0/deploy/pod.yaml", PrivilegedPod, input: "manifest");
        Verify.SetGlobalOption(test, "build_property.PolicyKitBuildReportsManifests", "true");
        return test.RunAsync();
    }
}
