using System.Collections.Generic;
using System.IO;
using PolicyKit.Testing;

namespace PolicyKit.Gate.Tests;

/// <summary>
/// The Native AOT gate answers exactly as the JIT-compiled gate does: same reports byte for byte, same exit codes. The
/// whole end-to-end suite can also run against it: <c>POLICYKIT_GATE_EXECUTABLE=path/to/policykit dotnet test
/// tests/PolicyKit.Gate.Tests</c>.
/// </summary>
public sealed class NativeGateTests : IClassFixture<NativeGate>
{
    private readonly NativeGate gate;

    public NativeGateTests(NativeGate gate)
    {
        this.gate = gate;
    }

    [NativeGateFact]
    public void The_native_gate_reports_the_sample_byte_for_byte_as_the_jit_gate_does()
    {
        foreach (var format in new[] { "json", "sarif", "console" })
        {
            var arguments = new[] { "check", "samples/odoo-distribution", "--now", SampleTests.Today, "--format", format };
            var native = PolicyKitProcess.Run(gate.Executable, arguments, RepositoryPaths.Root);
            var jit = PolicyKitProcess.Run(null, arguments, RepositoryPaths.Root);

            GateAssert.ExitCode(1, native);
            Assert.Equal(jit.StandardOutput, native.StandardOutput);
            Assert.Equal(jit.StandardError, native.StandardError);
        }
    }

    [NativeGateFact]
    public void The_tool_package_installs_a_native_executable_on_linux_x64()
    {
        var target = new FileInfo(gate.Executable).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? gate.Executable;

        Assert.Contains("policykit.gate.linux-x64", target);
        Assert.False(File.Exists(Path.Combine(Path.GetDirectoryName(target)!, "policykit.dll")), "the linux-x64 package holds policykit.dll: it is not native");
        var header = new byte[4];
        using (var stream = File.OpenRead(target))
        {
            stream.ReadExactly(header);
        }

        Assert.Equal(new byte[] { 0x7F, (byte)'E', (byte)'L', (byte)'F' }, header);
    }

    [NativeGateFact]
    public void The_framework_dependent_fallback_package_reports_the_sample_as_the_jit_gate_does()
    {
        var arguments = new[] { "check", "samples/odoo-distribution", "--now", SampleTests.Today, "--format", "json" };
        var fallback = PolicyKitProcess.Run(gate.FallbackExecutable, arguments, RepositoryPaths.Root);
        var jit = PolicyKitProcess.Run(null, arguments, RepositoryPaths.Root);

        GateAssert.ExitCode(1, fallback);
        Assert.Equal(jit.StandardOutput, fallback.StandardOutput);
    }

    [NativeGateFact]
    public void The_native_gate_lists_the_same_rules()
    {
        var native = PolicyKitProcess.Run(gate.Executable, new[] { "rules", "--markdown" }, RepositoryPaths.Root);
        var jit = PolicyKitProcess.Run(null, new[] { "rules", "--markdown" }, RepositoryPaths.Root);

        GateAssert.ExitCode(0, native);
        Assert.Equal(jit.StandardOutput, native.StandardOutput);
    }

    [NativeGateFact]
    public void The_native_gate_keeps_its_exit_codes_for_usage_errors_and_bad_input()
    {
        using var folder = new TempDirectory();
        folder.Write("broken.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n\tname: x\n");

        var usage = PolicyKitProcess.Run(gate.Executable, new[] { "check", "--format", "xml" }, folder.Path);
        var badInput = PolicyKitProcess.Run(gate.Executable, new[] { "check", ".", "--format", "json" }, folder.Path, environment: new Dictionary<string, string?>());

        GateAssert.ExitCode(2, usage);
        Assert.StartsWith("policykit: ", usage.StandardError);
        GateAssert.ExitCode(1, badInput);
        Assert.Contains("\"PK0001\"", badInput.StandardOutput);
        Assert.DoesNotContain("   at ", badInput.StandardError);
    }
}
