using System;
using System.CommandLine;
using PolicyKit.Gate;
using PolicyKit.Gate.Commands;
using PolicyKit.Policies.Reports;
using PolicyKit.Policies.Rules;

var root = new RootCommand("PolicyKit: policy-as-code gate for Kubernetes manifests (Odoo-on-Kubernetes ready).")
{
    CheckCommand.Create(),
    RulesCommand.Create(),
    ExceptionsCommand.Create(),
    VerifyBundleCommand.Create(),
};

try
{
    var parse = root.Parse(args);
    if (parse.Errors.Count > 0)
    {
        Console.Error.WriteLine($"policykit: {parse.Errors[0].Message} (see 'policykit --help')");
        return ExitCodes.UsageError;
    }

    // Our handlers below own error reporting: System.CommandLine's default handler would print a stack trace.
    return parse.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (UsageException exception)
{
    Console.Error.WriteLine($"policykit: {exception.Message}");
    return ExitCodes.UsageError;
}
catch (PolicyDefinitionException exception)
{
    Console.Error.WriteLine($"policykit: {exception.Message}");
    return ExitCodes.UsageError;
}
catch (Exception exception)
{
    // A defect of ours: one line for the user; the stack trace only on request, never by default.
    Console.Error.WriteLine($"policykit: internal error ({exception.GetType().Name}: {exception.Message}); please report it. Set POLICYKIT_DEBUG=1 for details.");
    if (Environment.GetEnvironmentVariable("POLICYKIT_DEBUG") == "1")
    {
        Console.Error.WriteLine(exception);
    }

    return ExitCodes.InternalError;
}
